/**
 * The inputs of one request as the modal gathers them (files, URLs, texts, an image with its
 * caption), and how each becomes a Clarifai `data`: one input per file, line or URL, in order.
 */
import type { Data, PostWorkflowResultsRequest } from '@contract/clarifai';
import type { GivenInput } from '@/lib/given-input';
import type { MediaKind } from '@/lib/media';
import { readAsBase64 } from '@/features/try-input/lib/read-file';

export type InputSpec =
  /** `caption` goes with an image as `text.raw` in the same data: a multimodal input. */
  | { type: 'file'; kind: MediaKind; file: File; caption?: string }
  | { type: 'url'; kind: MediaKind; url: string; caption?: string }
  | { type: 'text'; raw: string }
  | { type: 'text-url'; url: string };

type RequestInput = PostWorkflowResultsRequest['inputs'][number];

function withCaption(data: Data, caption: string | undefined): Data {
  return caption ? { ...data, text: { raw: caption } } : data;
}

function media(kind: MediaKind, value: { url: string } | { base64: string }): Data {
  switch (kind) {
    case 'image':
      return { image: value };
    case 'video':
      return { video: value };
    case 'audio':
      return { audio: value };
  }
}

/** The `data` of one input; a file's bytes are read beforehand and passed in as base64. */
export function inputData(spec: InputSpec, base64?: string): Data {
  switch (spec.type) {
    case 'file':
      return withCaption(media(spec.kind, { base64: base64 ?? '' }), spec.caption);
    case 'url':
      return withCaption(media(spec.kind, { url: spec.url }), spec.caption);
    case 'text':
      return { text: { raw: spec.raw } };
    case 'text-url':
      return { text: { url: spec.url } };
  }
}

/**
 * Reads the files one after another (a batch of big images read at once would hold them all in
 * memory twice) and reports the fraction of all their bytes read so far.
 */
export async function readInputs(
  specs: readonly InputSpec[],
  onProgress?: (fraction: number) => void,
): Promise<RequestInput[]> {
  const total = specs.reduce((sum, spec) => sum + (spec.type === 'file' ? spec.file.size : 0), 0);
  let done = 0;
  const inputs: RequestInput[] = [];
  for (const spec of specs) {
    if (spec.type !== 'file') {
      inputs.push({ data: inputData(spec) });
      continue;
    }
    const size = spec.file.size;
    const base64 = await readAsBase64(spec.file, (fraction) => {
      if (total > 0) onProgress?.((done + fraction * size) / total);
    });
    done += size;
    if (total > 0) onProgress?.(done / total);
    inputs.push({ data: inputData(spec, base64) });
  }
  return inputs;
}

/** What the results show for each input; a file gets an object URL that the results then own. */
export function givenInput(spec: InputSpec, objectUrl: (file: File) => string): GivenInput {
  switch (spec.type) {
    case 'file':
      return {
        media: { kind: spec.kind, url: objectUrl(spec.file), name: spec.file.name },
        ...(spec.caption ? { text: spec.caption } : {}),
      };
    case 'url':
      return { media: { kind: spec.kind, url: spec.url }, ...(spec.caption ? { text: spec.caption } : {}) };
    case 'text':
      return { text: spec.raw };
    case 'text-url':
      return {};
  }
}
