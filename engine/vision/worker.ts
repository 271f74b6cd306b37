/**
 * Entry of a vision worker thread (started by pool.ts through worker-boot.mjs). It answers one
 * task at a time: loads the task's model on first use and keeps it, parses the payload, runs the
 * operation and replies with the result and the operation's own compute time. Every failure is
 * turned into a reply; only a crash (e.g. a wasm abort) ends the thread, and the pool replaces it.
 */
import { parentPort } from 'node:worker_threads';
import { VisionError, type VisionErrorKind } from './errors';
import type { Op } from './handlers';
import { type FromWorker, type ModelName, toWorkerSchema, visionSpecs } from './protocol';

type Ops = Map<string, Op<unknown>>;
type Loader = () => Promise<Ops>;

const toMap = (handlers: Record<string, Op<unknown>>): Ops => new Map(Object.entries(handlers));

// Model modules are imported on first use: a worker that only ever detects faces never pays for
// importing the upscaler, and the debug ops used by tests import no ML code at all.
const loaders: Record<ModelName, Loader> = {
  faces: async () => toMap(await (await import('./models/faces')).loadFaceDetector()),
  'face-attributes': async () => toMap(await (await import('./models/face-attributes')).loadFaceAttributes()),
  objects: async () => toMap(await (await import('./models/objects')).loadObjectDetector()),
  nsfw: async () => toMap(await (await import('./models/nsfw')).loadNsfw()),
  selfie: async () => toMap(await (await import('./models/selfie')).loadSelfie()),
  'upscale-x2': async () => toMap(await (await import('./models/upscale')).loadUpscaleX2()),
  'upscale-x4': async () => toMap(await (await import('./models/upscale')).loadUpscaleX4()),
  debug: async () => toMap(await (await import('./models/debug')).loadDebug()),
};

function isModelName(name: string): name is ModelName {
  return Object.hasOwn(visionSpecs, name);
}

const port = parentPort;
if (!port) throw new Error('engine/vision/worker.ts must run in a worker thread');

/** Loaded models; a failed load is forgotten so the next task retries it. */
const models = new Map<ModelName, Promise<Ops>>();
const running = new Set<number>();
const cancelled = new Set<number>();

function send(message: FromWorker, transfer: ArrayBuffer[] = []): void {
  port?.postMessage(message, transfer);
}

async function runTask(id: number, model: string, op: string, payload: unknown): Promise<void> {
  running.add(id);
  try {
    if (!isModelName(model)) throw new VisionError('failed', `unknown vision model ${model}`);
    let loading = models.get(model);
    const firstUse = !loading;
    if (!loading) {
      loading = loaders[model]();
      models.set(model, loading);
      loading.catch(() => models.delete(model));
    }
    const loadStarted = performance.now();
    let handlers: Ops;
    try {
      handlers = await loading;
    } catch (error) {
      throw new VisionError('failed', `model ${model} could not be loaded: ${message(error)}`, { cause: error });
    }
    const loadMs = firstUse ? performance.now() - loadStarted : undefined;
    const handler = handlers.get(op);
    if (!handler) throw new VisionError('failed', `model ${model} has no operation ${op}`);
    const started = performance.now();
    const { result, transfer } = await handler(payload, { cancelled: () => cancelled.has(id) });
    const timeMs = performance.now() - started;
    send({ type: 'done', id, result, timeMs, ...(loadMs === undefined ? {} : { loadMs }) }, transfer);
  } catch (error) {
    const kind: VisionErrorKind = error instanceof VisionError ? error.kind : 'failed';
    send({ type: 'failed', id, kind, message: message(error) });
  } finally {
    running.delete(id);
    cancelled.delete(id);
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

port.on('message', (raw: unknown) => {
  const parsed = toWorkerSchema.safeParse(raw);
  if (!parsed.success) return; // Only the pool talks to us; anything else is a bug to ignore, not a crash.
  const msg = parsed.data;
  if (msg.type === 'cancel') {
    if (running.has(msg.id)) cancelled.add(msg.id);
  } else void runTask(msg.id, msg.model, msg.op, msg.payload);
});

send({ type: 'ready' });
