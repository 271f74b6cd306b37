/**
 * A small pool of worker threads that run the vision models. tfjs's wasm backend computes on one
 * thread per process here, so parallelism comes from several workers, one per core by default
 * (`VISION_WORKERS` overrides). Each worker loads a model the first time a task needs it and keeps
 * it, so the first task per model per worker pays the load time.
 *
 * Failure isolation is the point: a task that throws fails alone (21313); a worker that crashes or
 * runs past the task's time limit is thrown away and replaced, and only its own task fails (21313
 * for a crash, 40032 for a timeout). Nothing here can take the engine's process down.
 *
 * Cancellation: a task whose AbortSignal fires while queued is dropped; one already running is
 * answered at once with `aborted` and the worker is told to stop at its next checkpoint (tiled
 * upscaling checks between tiles); the worker is kept, since reloading its models would cost more.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { z } from 'zod';
import { VisionError, isVisionErrorKind } from './errors';
import type { OpSpecs, ToWorker } from './protocol';

export interface PoolOptions<S extends OpSpecs> {
  /** Payload and result schemas of every model operation the worker answers (`visionSpecs`). */
  specs: S;
  /** Number of worker threads. Default: `VISION_WORKERS`, else the number of cores (min 1). */
  size?: number;
  /** Tasks allowed to wait for a worker before `run` refuses with `queue_full`. Default 64. */
  maxQueue?: number;
  /** Default time limit per task, from the moment a worker starts it. Default 60 s. */
  taskTimeoutMs?: number;
  /** Worker entry (a TypeScript module). Default: ./worker.ts. */
  entry?: URL;
}

export interface RunOptions {
  signal?: AbortSignal;
  /** Overrides the pool's `taskTimeoutMs` for this task. */
  timeoutMs?: number;
  /** Buffers in the payload to move to the worker instead of copying (they become unusable here). */
  transfer?: ArrayBuffer[];
}

export interface TaskOutcome<R> {
  result: R;
  /** The operation's own compute time in the worker: decode, model, encode; not queueing or loading. */
  timeMs: number;
  /** Set when this task loaded the model in its worker (first use there). */
  loadMs?: number;
}

export interface PoolStats {
  size: number;
  /** Workers alive (starting, idle or busy). */
  live: number;
  busy: number;
  queued: number;
  /** Workers started since the pool was created; grows when crashed workers are replaced. */
  spawned: number;
}

interface Task {
  id: number;
  model: string;
  op: string;
  payload: unknown;
  transfer: ArrayBuffer[];
  timeoutMs: number;
  signal: AbortSignal | undefined;
  onAbort: (() => void) | undefined;
  /** Parses the worker's result against the op's schema and answers the caller. */
  complete: (result: unknown, timeMs: number, loadMs: number | undefined) => void;
  reject: (error: VisionError) => void;
  /** Set once the caller has been answered; a later reply from the worker is then ignored. */
  settled: boolean;
}

interface Slot {
  worker: Worker;
  state: 'starting' | 'idle' | 'busy' | 'dead';
  task: Task | undefined;
  timer: NodeJS.Timeout | undefined;
}

const fromWorkerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('done'), id: z.number(), result: z.unknown(), timeMs: z.number(), loadMs: z.number().optional() }),
  z.object({ type: z.literal('failed'), id: z.number(), kind: z.string(), message: z.string() }),
]);

const BOOT = new URL('./worker-boot.mjs', import.meta.url);
const DEFAULT_ENTRY = new URL('./worker.ts', import.meta.url);

export function defaultPoolSize(env: NodeJS.ProcessEnv = process.env): number {
  const fromEnv = Number.parseInt(env['VISION_WORKERS'] ?? '', 10);
  if (Number.isInteger(fromEnv) && fromEnv >= 1) return fromEnv;
  return Math.max(1, os.availableParallelism());
}

export class WorkerPool<S extends OpSpecs> {
  readonly size: number;
  private readonly specs: S;
  private readonly maxQueue: number;
  private readonly taskTimeoutMs: number;
  private readonly entry: URL;
  private readonly slots = new Set<Slot>();
  private readonly queue: Task[] = [];
  private nextId = 1;
  private spawned = 0;
  private closed = false;

  constructor(options: PoolOptions<S>) {
    this.specs = options.specs;
    this.size = Math.max(1, Math.floor(options.size ?? defaultPoolSize()));
    this.maxQueue = options.maxQueue ?? 64;
    this.taskTimeoutMs = options.taskTimeoutMs ?? 60_000;
    this.entry = options.entry ?? DEFAULT_ENTRY;
  }

  /**
   * Runs `op` of `model` in a worker. Rejects only with a `VisionError`; its `code` is the
   * Clarifai status for the output.
   */
  run<M extends keyof S & string, O extends keyof S[M] & string>(
    model: M,
    op: O,
    payload: z.input<S[M][O]['payload']>,
    options: RunOptions = {},
  ): Promise<TaskOutcome<z.output<S[M][O]['result']>>> {
    const group: S[M] | undefined = this.specs[model];
    const spec: S[M][O] | undefined = group === undefined ? undefined : group[op];
    return new Promise((resolve, reject) => {
      if (!spec) return reject(new VisionError('failed', `no vision operation ${model}/${op}`));
      if (this.closed) return reject(new VisionError('closed', 'the vision pool is closed'));
      if (options.signal?.aborted) return reject(new VisionError('aborted', `${model}/${op} was cancelled before it started`));
      if (this.queue.length >= this.maxQueue) {
        return reject(
          new VisionError('queue_full', `the vision queue is full (${this.maxQueue} tasks waiting for ${this.size} workers): try again shortly`),
        );
      }
      const task: Task = {
        id: this.nextId++,
        model,
        op,
        payload,
        transfer: options.transfer ?? [],
        timeoutMs: options.timeoutMs ?? this.taskTimeoutMs,
        signal: options.signal,
        onAbort: undefined,
        complete: (result, timeMs, loadMs) => {
          // The top-level z.safeParse keeps the schema's generic type, so the result is typed.
          const parsed = z.safeParse<S[M][O]['result']>(spec.result, result);
          if (!parsed.success) {
            reject(new VisionError('failed', `${model}/${op} answered a malformed result: ${parsed.error.message}`));
            return;
          }
          resolve({ result: parsed.data, timeMs, ...(loadMs === undefined ? {} : { loadMs }) });
        },
        reject,
        settled: false,
      };
      if (task.signal) {
        task.onAbort = () => this.abort(task);
        task.signal.addEventListener('abort', task.onAbort, { once: true });
      }
      this.queue.push(task);
      this.dispatch();
    });
  }

  stats(): PoolStats {
    let busy = 0;
    for (const slot of this.slots) if (slot.state === 'busy') busy++;
    return { size: this.size, live: this.slots.size, busy, queued: this.queue.length, spawned: this.spawned };
  }

  /** Fails queued and running tasks with `closed` and stops every worker. */
  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0)) this.settle(task, new VisionError('closed', 'the vision pool was closed'));
    const exits: Promise<number>[] = [];
    for (const slot of [...this.slots]) {
      if (slot.task) this.settle(slot.task, new VisionError('closed', 'the vision pool was closed'));
      exits.push(this.discard(slot));
    }
    await Promise.all(exits);
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const idle = [...this.slots].find((slot) => slot.state === 'idle');
      if (idle) {
        const task = this.queue.shift();
        if (task) this.start(idle, task);
        continue;
      }
      const starting = [...this.slots].filter((slot) => slot.state === 'starting').length;
      // Start a worker only for tasks that no starting worker will pick up.
      if (this.slots.size < this.size && starting < this.queue.length) {
        this.spawn();
        continue;
      }
      return;
    }
  }

  private spawn(): void {
    this.spawned++;
    const worker = new Worker(BOOT, { workerData: { entry: this.entry.href } });
    const slot: Slot = { worker, state: 'starting', task: undefined, timer: undefined };
    this.slots.add(slot);
    worker.on('message', (raw: unknown) => this.onMessage(slot, raw));
    worker.on('error', (error) => this.onDeath(slot, `crashed: ${error.message}`));
    worker.on('exit', (code) => this.onDeath(slot, `exited with code ${code}`));
  }

  private start(slot: Slot, task: Task): void {
    slot.state = 'busy';
    slot.task = task;
    slot.worker.ref();
    slot.timer = setTimeout(() => this.onTimeout(slot, task), task.timeoutMs);
    const message: ToWorker = { type: 'task', id: task.id, model: task.model, op: task.op, payload: task.payload };
    try {
      slot.worker.postMessage(message, task.transfer);
    } catch (error) {
      // E.g. a payload that cannot be cloned: the caller's mistake, not the worker's.
      this.finish(slot);
      this.settle(task, new VisionError('failed', `could not send ${task.model}/${task.op} to a worker: ${errorText(error)}`));
      this.dispatch();
    }
  }

  private onMessage(slot: Slot, raw: unknown): void {
    const parsed = fromWorkerSchema.safeParse(raw);
    if (!parsed.success || slot.state === 'dead') return;
    const msg = parsed.data;
    if (msg.type === 'ready') {
      slot.state = 'idle';
      slot.worker.unref();
      this.dispatch();
      return;
    }
    const task = slot.task;
    if (!task || task.id !== msg.id) return;
    this.finish(slot);
    if (msg.type === 'done') {
      this.settle(task, undefined, msg);
    } else {
      const kind = isVisionErrorKind(msg.kind) ? msg.kind : 'failed';
      this.settle(task, new VisionError(kind, `${task.model}/${task.op} failed: ${msg.message}`));
    }
    this.dispatch();
  }

  private onTimeout(slot: Slot, task: Task): void {
    if (slot.task !== task) return;
    this.settle(
      task,
      new VisionError('timeout', `${task.model}/${task.op} took longer than ${task.timeoutMs} ms: its worker was stopped and will be replaced`),
    );
    void this.discard(slot);
    this.dispatch();
  }

  private onDeath(slot: Slot, why: string): void {
    if (slot.state === 'dead') return; // We stopped it ourselves, or both 'error' and 'exit' fired.
    const wasStarting = slot.state === 'starting';
    const task = slot.task;
    void this.discard(slot);
    if (task) this.settle(task, new VisionError('failed', `the vision worker running ${task.model}/${task.op} ${why}`));
    if (wasStarting && this.slots.size === 0) {
      // A worker that dies before it is ready would die again: fail what waits instead of looping.
      for (const queued of this.queue.splice(0)) this.settle(queued, new VisionError('failed', `the vision worker could not start: it ${why}`));
    }
    if (!this.closed) this.dispatch();
  }

  private abort(task: Task): void {
    const index = this.queue.indexOf(task);
    if (index >= 0) this.queue.splice(index, 1);
    else {
      const slot = [...this.slots].find((s) => s.task === task);
      if (slot) slot.worker.postMessage({ type: 'cancel', id: task.id } satisfies ToWorker);
    }
    this.settle(task, new VisionError('aborted', `${task.model}/${task.op} was cancelled`));
  }

  /** The slot's task is over (answered or failed); the worker may take the next one. */
  private finish(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = undefined;
    slot.task = undefined;
    slot.state = 'idle';
    slot.worker.unref();
  }

  private discard(slot: Slot): Promise<number> {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = undefined;
    slot.task = undefined;
    slot.state = 'dead';
    this.slots.delete(slot);
    return slot.worker.terminate();
  }

  private settle(task: Task, error: VisionError | undefined, done?: { result: unknown; timeMs: number; loadMs?: number | undefined }): void {
    if (task.settled) return;
    task.settled = true;
    if (task.signal && task.onAbort) task.signal.removeEventListener('abort', task.onAbort);
    if (error) task.reject(error);
    else if (done) task.complete(done.result, done.timeMs, done.loadMs);
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
