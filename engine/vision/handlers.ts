/**
 * The shape every model module implements inside a worker: a loader that resolves to one
 * operation per name. Each operation is built with `op(schema, run)`, which parses the payload
 * that arrived over the thread boundary before `run` sees it, so `run` gets exact types and the
 * worker can call any operation with `unknown`.
 */
import type { z } from 'zod';
import { VisionError } from './errors';
import type { ModelName, VisionSpecs } from './protocol';

export interface OpContext {
  /** True once the caller gave up on this task; long operations check it between steps. */
  readonly cancelled: () => boolean;
}

export interface OpOutput<R> {
  result: R;
  /** Buffers inside `result` to move (not copy) back to the main thread. */
  transfer?: ArrayBuffer[];
}

export type Op<R> = (payload: unknown, ctx: OpContext) => Promise<OpOutput<R>>;

type ResultOf<Spec> = Spec extends { result: z.ZodType } ? z.input<Spec['result']> : never;

/** One operation per op name of the model, each answering that op's result type. */
export type ModelHandlers<M extends ModelName> = { [O in keyof VisionSpecs[M]]: Op<ResultOf<VisionSpecs[M][O]>> };

export function op<S extends z.ZodType, R>(schema: S, run: (payload: z.output<S>, ctx: OpContext) => Promise<OpOutput<R>>): Op<R> {
  return async (payload, ctx) => {
    const parsed = schema.safeParse(payload);
    if (!parsed.success) throw new VisionError('failed', `invalid payload: ${parsed.error.message}`);
    return run(parsed.data, ctx);
  };
}

/** Throws the cancellation error when the caller has gone; call between long steps. */
export function throwIfCancelled(ctx: OpContext): void {
  if (ctx.cancelled()) throw new VisionError('aborted', 'cancelled by the caller');
}
