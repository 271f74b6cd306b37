/**
 * What the endpoint-backed models share: no endpoint → load fails with 21353 (how to configure
 * one), so the node's outputs say so and the rest of the workflow runs; otherwise each item's text
 * (source.ts) becomes one call, at most four in flight, each failing only its own item.
 */
import type { z } from 'zod';
import type { Data } from '../../../contract/clarifai';
import { StatusCode } from '../../../contract/clarifai';
import type { Runner, RunnerItemResult } from '../types';
import { missingText, sourceText } from '../text/source';
import { parseParams } from '../vision/params';
import { itemError } from '../vision/sources';
import { endpointClient, notConfigured, type EndpointClient, type GenerativeEndpoint } from './endpoint';
import { mapLimit } from './limit';

export interface EndpointModelSpec<S extends z.ZodType> {
  readonly model: string;
  /** "text generation", "text-to-image": named in the not-configured message. */
  readonly task: string;
  readonly params: S;
  readonly endpoint: GenerativeEndpoint | undefined;
  readonly run: (
    client: EndpointClient,
    text: string,
    params: z.infer<S>,
    signal: AbortSignal,
  ) => Promise<Data>;
}

const IN_FLIGHT = 4;

export function createEndpointRunner<S extends z.ZodType>(spec: EndpointModelSpec<S>): Runner {
  let client: EndpointClient | undefined;
  return {
    async load() {
      if (!spec.endpoint) throw notConfigured(spec.task);
      client ??= endpointClient(spec.endpoint);
    },
    async predict(items, rawParams, ctx) {
      if (!spec.endpoint) throw notConfigured(spec.task);
      client ??= endpointClient(spec.endpoint);
      const ready = client;
      const params = parseParams(spec.params, rawParams, spec.model);
      return mapLimit(items, IN_FLIGHT, async (item): Promise<RunnerItemResult> => {
        const text = sourceText(item);
        if (text === undefined)
          return {
            error: { code: StatusCode.INPUT_INVALID_ARGUMENT, details: missingText(spec.model, item) },
          };
        if (text.trim() === '') {
          return {
            error: {
              code: StatusCode.INPUT_INVALID_ARGUMENT,
              details: `${spec.model}: the text is empty, there is no prompt`,
            },
          };
        }
        const started = performance.now();
        try {
          return {
            data: await spec.run(ready, text, params, ctx.signal),
            timeMs: performance.now() - started,
          };
        } catch (error) {
          const failure = itemError(error, spec.model);
          const details = failure.details === undefined ? {} : { details: ready.redact(failure.details) };
          return { error: { ...failure, ...details }, timeMs: performance.now() - started };
        }
      });
    },
    async close() {
      client = undefined;
    },
  };
}
