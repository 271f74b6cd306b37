/**
 * The ML runtime inside one vision worker: tfjs on the wasm backend (one thread per worker, which
 * is why the pool has several workers), Human for the detectors it wraps, and loaders that read
 * model files from disk. Only worker code imports this module: it replaces the worker's global
 * `fetch`, which would be wrong in the main thread.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Config, Human } from '@vladmandic/human';
import * as tf from '@tensorflow/tfjs';
import sharp from 'sharp';
import { ownedBytes, toArrayBuffer } from './bytes';
import { VisionError } from './errors';
import { modelFiles } from './model-files';

const require = createRequire(import.meta.url);

/**
 * Human loads its models with the global `fetch`, and Node's fetch refuses `file://`. This fetch
 * serves files under the given folders and refuses everything else, so no model load can ever
 * reach the network (the machines this runs on have none, and a hang would look like a slow model).
 */
export function installLocalFetch(roots: readonly string[]): void {
  const allowed = roots.map((root) => path.resolve(root) + path.sep);
  const localFetch = async (input: string | URL | Request): Promise<Response> => {
    const raw = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const file = path.resolve(raw.startsWith('file://') ? new URL(raw).pathname : raw);
    if (!allowed.some((root) => file.startsWith(root))) {
      throw new Error(`vision worker: refusing to fetch ${raw}: only local model files are served`);
    }
    return new Response(ownedBytes(await readFile(file)), { status: 200 });
  };
  globalThis.fetch = localFetch;
}

/** The part of Human's config every call sets, so no state from a previous call leaks in. */
const baseConfig: Partial<Config> = {
  backend: 'wasm',
  debug: false,
  async: false,
  warmup: 'none',
  // Human caches results between video frames; each task here is an unrelated image.
  cacheSensitivity: 0,
  skipAllowed: false,
  cacheModels: false,
  validateModels: false,
  filter: { enabled: false },
  gesture: { enabled: false },
  body: { enabled: false },
  hand: { enabled: false },
  segmentation: { enabled: false },
};

let humanPromise: Promise<Human> | undefined;

/**
 * One Human per worker, created on first use. `init()` also selects the wasm backend for the
 * whole worker: Human and our own models share the single tfjs-core engine (both resolve the same
 * CommonJS build), so every model in this worker runs on wasm after this.
 */
export function getHuman(): Promise<Human> {
  humanPromise ??= (async () => {
    const files = modelFiles();
    installLocalFetch([files.humanModels]);
    const loaded: unknown = require(files.humanBundle);
    const HumanClass = humanConstructor(loaded);
    const human = new HumanClass({ ...baseConfig, wasmPath: files.wasmDir, modelBasePath: files.humanModels });
    await human.init();
    if (tf.getBackend() !== 'wasm') throw new Error(`vision worker: tfjs backend is ${tf.getBackend()}, expected wasm`);
    return human;
  })().catch((error: unknown) => {
    humanPromise = undefined;
    throw error;
  });
  return humanPromise;
}

type HumanCtor = new (config?: Partial<Config>) => Human;

/**
 * The bundle is loaded by path, so TypeScript cannot connect it to Human's .d.ts; checking that
 * it exports a constructor is as far as a runtime check can go, and the first `init()` proves it.
 */
function isHumanCtor(value: unknown): value is HumanCtor {
  return typeof value === 'function';
}

function humanConstructor(loaded: unknown): HumanCtor {
  const ctor: unknown = typeof loaded === 'object' && loaded !== null && 'Human' in loaded ? loaded.Human : undefined;
  if (isHumanCtor(ctor)) return ctor;
  throw new Error('vision worker: @vladmandic/human bundle does not export Human');
}

export function humanConfig(overrides: Partial<Config>): Partial<Config> {
  return { ...baseConfig, ...overrides };
}

/** Makes sure the wasm backend is selected before a model that does not go through Human runs. */
export async function tfReady(): Promise<typeof tf> {
  await getHuman();
  return tf;
}

/** An IOHandler over a model.json and its weight shards on disk. */
async function fileHandler(jsonPath: string): Promise<tf.io.IOHandler> {
  const json: unknown = JSON.parse(await readFile(jsonPath, 'utf8'));
  if (!isModelJson(json)) throw new Error(`${jsonPath} is not a tfjs model.json`);
  const dir = path.dirname(jsonPath);
  const artifacts = await tf.io.getModelArtifactsForJSON(json, async (manifest) => {
    const specs = manifest.flatMap((group) => group.weights);
    const shards = await Promise.all(manifest.flatMap((group) => group.paths.map((p) => readFile(path.join(dir, p)))));
    return [specs, toArrayBuffer(Buffer.concat(shards))];
  });
  return tf.io.fromMemory(artifacts);
}

function isModelJson(value: unknown): value is tf.io.ModelJSON {
  return typeof value === 'object' && value !== null && 'modelTopology' in value && 'weightsManifest' in value;
}

export async function loadGraphModelFile(jsonPath: string): Promise<tf.GraphModel> {
  await tfReady();
  return tf.loadGraphModel(await fileHandler(jsonPath));
}

export async function loadLayersModelFile(jsonPath: string): Promise<tf.LayersModel> {
  await tfReady();
  return tf.loadLayersModel(await fileHandler(jsonPath));
}

export interface RgbImage {
  /** Interleaved RGB, 3 bytes per pixel, `width * height * 3` long. */
  data: Uint8Array;
  width: number;
  height: number;
  /** Size of the input as displayed (after EXIF orientation), before any resize here. */
  sourceWidth: number;
  sourceHeight: number;
}

export interface DecodeOptions {
  /** Scale down (never up) so the longer side is at most this. Fractions of the image are unchanged. */
  maxSide?: number;
  /** Resize to exactly this size, ignoring aspect ratio (what the classifiers were trained on). */
  exact?: { width: number; height: number };
}

/**
 * Decodes to RGB with sharp. `.rotate()` applies EXIF orientation first, because boxes refer to the
 * image as displayed (the engine's media layer reports the displayed size too).
 */
export async function decodeRgb(bytes: Uint8Array, options: DecodeOptions = {}): Promise<RgbImage> {
  try {
    const source = sharp(bytes, { limitInputPixels: 100_000_000 }).rotate();
    const meta = await source.metadata();
    const swapped = (meta.orientation ?? 1) >= 5;
    const sourceWidth = swapped ? meta.height : meta.width;
    const sourceHeight = swapped ? meta.width : meta.height;
    let pipeline = source.removeAlpha().toColourspace('srgb');
    if (options.exact) {
      pipeline = pipeline.resize(options.exact.width, options.exact.height, { fit: 'fill' });
    } else if (options.maxSide && Math.max(sourceWidth, sourceHeight) > options.maxSide) {
      pipeline = pipeline.resize(options.maxSide, options.maxSide, { fit: 'inside' });
    }
    const { data, info } = await pipeline.raw().toBuffer({ resolveWithObject: true });
    if (info.channels !== 3) throw new Error(`expected 3 channels, got ${info.channels}`);
    return { data, width: info.width, height: info.height, sourceWidth, sourceHeight };
  } catch (error) {
    throw new VisionError('bad_input', `image could not be decoded: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/** A [1, h, w, 3] float tensor of 0..255 values. */
export function imageTensor(image: RgbImage): tf.Tensor4D {
  return tf.tensor4d(Float32Array.from(image.data), [1, image.height, image.width, 3], 'float32');
}

export { tf };
