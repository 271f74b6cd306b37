/**
 * The sample inputs the empty page offers, made by `scripts/make-samples.ts` into
 * `public/samples/` and served beside the app. Each says which workflows it suits, so a page can
 * offer the right ones first.
 */
import type { StoredInputKind } from '@/lib/input-store';

export interface Sample {
  id: string;
  label: string;
  kind: StoredInputKind;
  /** Served by the app itself (same origin). */
  url: string;
  fileName: string;
  mimeType: string;
  /** Workflow ids this sample shows off. */
  workflows: readonly string[];
}

const base = `${import.meta.env.BASE_URL}samples/`;

export const SAMPLES: readonly Sample[] = [
  {
    id: 'sign',
    label: 'Sign: “OPEN DAILY / CAFE”',
    kind: 'image',
    url: `${base}sign.png`,
    fileName: 'sign.png',
    mimeType: 'image/png',
    workflows: ['ocr-translate', 'multimodal', 'Moderation', 'Upscale'],
  },
  {
    id: 'face',
    label: 'Five faces',
    kind: 'image',
    url: `${base}face.jpg`,
    fileName: 'face.jpg',
    mimeType: 'image/jpeg',
    workflows: [
      'Face-Sentiment',
      'Face-Search',
      'Demographics',
      'General-Detection',
      'Object-Search',
      'Person-Segmentation',
      'Moderation',
      'Upscale',
    ],
  },
  {
    id: 'clip',
    label: 'Clip: counting 1 to 4',
    kind: 'video',
    url: `${base}clip.mp4`,
    fileName: 'clip.mp4',
    mimeType: 'video/mp4',
    workflows: ['Video-OCR', 'ocr-translate', 'General-Detection', 'Moderation'],
  },
  {
    id: 'sentence',
    label: 'Sentence: mixed feelings',
    kind: 'text',
    url: `${base}sentence.txt`,
    fileName: 'sentence.txt',
    mimeType: 'text/plain',
    workflows: [
      'text-classifier',
      'Language-Understanding',
      'summarization',
      'text-generation',
      'text-to-audio',
      'text-to-image',
    ],
  },
  {
    id: 'spoken',
    label: 'Speech: a spoken sentence',
    kind: 'audio',
    url: `${base}spoken.wav`,
    fileName: 'spoken.wav',
    mimeType: 'audio/wav',
    workflows: ['asr-sentiment'],
  },
];

/** The samples that suit a workflow; all of them when none does (or no workflow is chosen). */
export function samplesFor(workflowId: string | undefined): readonly Sample[] {
  if (!workflowId) return SAMPLES;
  const suited = SAMPLES.filter((sample) => sample.workflows.includes(workflowId));
  return suited.length > 0 ? suited : SAMPLES;
}

async function fetchSample(sample: Sample, signal?: AbortSignal): Promise<Response> {
  const response = await fetch(sample.url, signal ? { signal } : {});
  if (!response.ok) {
    throw new Error(
      `Could not load the sample ${sample.fileName} (HTTP ${response.status}): is the app served with its public/ folder?`,
    );
  }
  return response;
}

/** A media sample as a File, to go through the same path as an upload (and into the input store). */
export async function sampleFile(sample: Sample, signal?: AbortSignal): Promise<File> {
  const bytes = await (await fetchSample(sample, signal)).arrayBuffer();
  return new File([bytes], sample.fileName, { type: sample.mimeType });
}

/** A text sample's text (trimmed). */
export async function sampleText(sample: Sample, signal?: AbortSignal): Promise<string> {
  return (await (await fetchSample(sample, signal)).text()).trim();
}
