/**
 * The offline vision models, as the workflow executor calls them. Every model runs in a worker
 * thread (see pool.ts); each call returns plain data plus `timeMs`, the model's own compute time
 * (decode + inference + encode, not time spent queued or loading), and `loadMs` when that call
 * loaded the model in its worker.
 *
 * Every method rejects only with a `VisionError` whose `code` is the Clarifai status for the
 * output (21313 failed, 40032 timeout, 30300 undecodable image, 30105 too large, 11005 queue full),
 * so one failing model answers one failing output and never takes the engine down.
 *
 *   const vision = createVision();            // workers = VISION_WORKERS or the core count
 *   const { faces } = await vision.detectFaces(jpegBytes);
 *   const { crops } = await cropRegions(jpegBytes, faces.map((f) => f.box), { margin: 1.1 });
 *   const { emotion } = await vision.faceAttributes(crops[0].image, ['emotion']);
 *   await vision.close();
 *
 * Pure helpers that need no worker live beside the models: `models/crop.ts` (`cropRegions`) and
 * `models/cluster.ts` (`clusterEmbeddings`, `cosineSimilarity`).
 */
import { ownedBytes } from './bytes';
import { WorkerPool, type PoolStats, type RunOptions } from './pool';
import {
  visionSpecs,
  type DetectedFace,
  type DetectedObject,
  type FaceAttributeName,
  type FaceAttributesResult,
  type ImageSize,
  type VisionConcept,
} from './protocol';

export { VisionError, type VisionErrorKind } from './errors';
export type { DetectedFace, DetectedObject, FaceAttributeName, FaceAttributesResult, FractionBox, VisionConcept } from './protocol';

export interface VisionOptions {
  /** Worker threads. Default: `VISION_WORKERS`, else the number of cores. */
  workers?: number;
  /** Tasks allowed to wait before calls fail with 11005. Default 64. */
  maxQueue?: number;
  /** Time limit per task once started; the upscaler gets 4x this. Default 60 s. */
  taskTimeoutMs?: number;
}

export interface CallOptions {
  /** Cancels the call: a queued task is dropped, a running one is told to stop. */
  signal?: AbortSignal;
  /** Overrides the time limit for this call. */
  timeoutMs?: number;
}

export interface Timing {
  timeMs: number;
  loadMs?: number;
}

export type Timed<T> = T & Timing;

export interface Vision {
  /** BlazeFace. `minConfidence` default 0.5, `maxFaces` default 50. Faces sorted by score. */
  detectFaces(
    image: Uint8Array,
    params?: { minConfidence?: number; maxFaces?: number },
    options?: CallOptions,
  ): Promise<Timed<{ faces: DetectedFace[] } & ImageSize>>;
  /** Emotion / age buckets / gender / 1024-d descriptor of a face crop. Default: all four. */
  faceAttributes(crop: Uint8Array, which?: readonly FaceAttributeName[], options?: CallOptions): Promise<Timed<FaceAttributesResult>>;
  /** CenterNet, 80 COCO classes. Defaults: minConfidence 0.3, maxObjects 50, iouThreshold 0.4. */
  detectObjects(
    image: Uint8Array,
    params?: { minConfidence?: number; maxObjects?: number; iouThreshold?: number },
    options?: CallOptions,
  ): Promise<Timed<{ objects: DetectedObject[] } & ImageSize>>;
  /** 1280-d general image embedding (MobileNetV2 features from nsfwjs). Compare with cosine. */
  embedImage(image: Uint8Array, options?: CallOptions): Promise<Timed<{ vector: number[] }>>;
  /** nsfwjs's 5 classes (drawing, hentai, neutral, porn, sexy), sorted by value. */
  moderate(image: Uint8Array, options?: CallOptions): Promise<Timed<{ concepts: VisionConcept[] }>>;
  /** Person mask: a 1-channel PNG the input's size, 255 = person. `threshold` default 0.5. */
  segmentPerson(
    image: Uint8Array,
    params?: { threshold?: number },
    options?: CallOptions,
  ): Promise<Timed<{ mask: Buffer; personShare: number } & ImageSize>>;
  /** ×2 or ×4 super-resolution, as PNG. Refuses (30105) outputs over `maxOutputPixels` (default 16 MP). */
  upscale(
    image: Uint8Array,
    scale: 2 | 4,
    params?: { maxOutputPixels?: number },
    options?: CallOptions,
  ): Promise<Timed<{ image: Buffer } & ImageSize>>;
  stats(): PoolStats;
  /** Stops the workers; pending calls fail with `closed`. */
  close(): Promise<void>;
}

const UPSCALE_TIMEOUT_FACTOR = 4;

export function createVision(options: VisionOptions = {}): Vision {
  const taskTimeoutMs = options.taskTimeoutMs ?? 60_000;
  const pool = new WorkerPool({
    specs: visionSpecs,
    ...(options.workers === undefined ? {} : { size: options.workers }),
    ...(options.maxQueue === undefined ? {} : { maxQueue: options.maxQueue }),
    taskTimeoutMs,
  });

  /**
   * Copies the caller's bytes (the executor may hand the same input to the next node) and sends
   * the copy by transfer, so it crosses to the worker without a second copy.
   */
  function prepare(image: Uint8Array, call: CallOptions | undefined, timeoutMs = taskTimeoutMs) {
    const bytes = ownedBytes(image);
    const options: RunOptions = {
      transfer: [bytes.buffer],
      timeoutMs: call?.timeoutMs ?? timeoutMs,
      ...(call?.signal ? { signal: call.signal } : {}),
    };
    return { bytes, options };
  }

  return {
    async detectFaces(image, params = {}, call) {
      const { bytes, options } = prepare(image, call);
      const payload = { image: bytes, minConfidence: params.minConfidence ?? 0.5, maxFaces: params.maxFaces ?? 50 };
      const out = await pool.run('faces', 'detect', payload, options);
      return { ...out.result, ...timing(out) };
    },
    async faceAttributes(crop, which = ['emotion', 'age', 'gender', 'embedding'], call) {
      const { bytes, options } = prepare(crop, call);
      const out = await pool.run('face-attributes', 'predict', { image: bytes, which: [...which] }, options);
      return { ...out.result, ...timing(out) };
    },
    async detectObjects(image, params = {}, call) {
      const { bytes, options } = prepare(image, call);
      const payload = {
        image: bytes,
        minConfidence: params.minConfidence ?? 0.3,
        maxObjects: params.maxObjects ?? 50,
        iouThreshold: params.iouThreshold ?? 0.4,
      };
      const out = await pool.run('objects', 'detect', payload, options);
      return { ...out.result, ...timing(out) };
    },
    async embedImage(image, call) {
      const { bytes, options } = prepare(image, call);
      const out = await pool.run('nsfw', 'embed', { image: bytes }, options);
      return { ...out.result, ...timing(out) };
    },
    async moderate(image, call) {
      const { bytes, options } = prepare(image, call);
      const out = await pool.run('nsfw', 'classify', { image: bytes }, options);
      return { ...out.result, ...timing(out) };
    },
    async segmentPerson(image, params = {}, call) {
      const { bytes, options } = prepare(image, call);
      const out = await pool.run('selfie', 'segment', { image: bytes, threshold: params.threshold ?? 0.5 }, options);
      const { mask, ...rest } = out.result;
      return { ...rest, mask: asBuffer(mask), ...timing(out) };
    },
    async upscale(image, scale, params = {}, call) {
      const { bytes, options } = prepare(image, call, taskTimeoutMs * UPSCALE_TIMEOUT_FACTOR);
      const payload = { image: bytes, maxOutputPixels: params.maxOutputPixels ?? 16_000_000 };
      const out = scale === 4 ? await pool.run('upscale-x4', 'upscale', payload, options) : await pool.run('upscale-x2', 'upscale', payload, options);
      return { image: asBuffer(out.result.png), width: out.result.width, height: out.result.height, ...timing(out) };
    },
    stats: () => pool.stats(),
    close: () => pool.close(),
  };
}

function timing(outcome: Timing): Timing {
  return outcome.loadMs === undefined ? { timeMs: outcome.timeMs } : { timeMs: outcome.timeMs, loadMs: outcome.loadMs };
}

/** A Buffer view over the transferred bytes (no copy), for `.toString('base64')` and friends. */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
