/**
 * A configured OpenAI-compatible endpoint (OpenAI, or a local server such as Ollama, llama.cpp or
 * vLLM): no generative model ships offline, so text generation and text-to-image call one when the
 * operator names it, and answer "model not deployed" (21353) when none is.
 *
 * The API key goes only into the Authorization header. Everything this module puts into a
 * response or an error message passes through `redact`, which removes the key and any password in
 * the base URL, so neither can reach a client or a log even if the endpoint echoes it back.
 */
import { StatusCode } from '../../../contract/clarifai';
import { errorMessage, RunnerFailure } from '../failure';

export interface GenerativeEndpoint {
  /** e.g. `https://api.openai.com/v1`; `/chat/completions` and `/images/generations` are appended. */
  readonly baseUrl: string;
  readonly apiKey?: string;
  /** Per call; default 120 s. */
  readonly timeoutMs?: number;
  readonly fetch?: typeof globalThis.fetch;
}

/** `LLM_BASE_URL`, `LLM_API_KEY`, `LLM_TIMEOUT_MS`; undefined when no base URL is set. */
export function endpointFromEnv(env: NodeJS.ProcessEnv = process.env): GenerativeEndpoint | undefined {
  const baseUrl = env.LLM_BASE_URL?.trim();
  if (!baseUrl) return undefined;
  const timeout = Number(env.LLM_TIMEOUT_MS);
  return {
    baseUrl,
    ...(env.LLM_API_KEY ? { apiKey: env.LLM_API_KEY } : {}),
    ...(Number.isFinite(timeout) && timeout > 0 ? { timeoutMs: timeout } : {}),
  };
}

export function notConfigured(what: string): RunnerFailure {
  return new RunnerFailure(
    StatusCode.MODEL_NOT_DEPLOYED,
    `no ${what} model runs offline: set LLM_BASE_URL to an OpenAI-compatible API ` +
      '(e.g. https://api.openai.com/v1, or http://127.0.0.1:11434/v1 for a local Ollama) and LLM_API_KEY ' +
      'if it needs a key, then restart the engine',
  );
}

export interface EndpointClient {
  /** POSTs JSON to `{baseUrl}/{path}`; the parsed JSON answer, or a RunnerFailure (redacted). */
  post(path: string, body: unknown, signal: AbortSignal): Promise<unknown>;
  redact(text: string): string;
  /** The base URL without credentials, for messages. */
  readonly where: string;
}

const MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

export function endpointClient(endpoint: GenerativeEndpoint): EndpointClient {
  let base: URL;
  try {
    base = new URL(endpoint.baseUrl.replace(/\/+$/, '') + '/');
  } catch {
    throw new RunnerFailure(
      StatusCode.MODEL_NOT_DEPLOYED,
      'LLM_BASE_URL is not a valid URL: set it to e.g. https://api.openai.com/v1',
    );
  }
  if (base.protocol !== 'http:' && base.protocol !== 'https:') {
    throw new RunnerFailure(
      StatusCode.MODEL_NOT_DEPLOYED,
      `LLM_BASE_URL must be an http(s) URL, not ${base.protocol}`,
    );
  }
  const secrets = [endpoint.apiKey, base.password, base.username].filter(
    (s): s is string => !!s && s.length >= 3,
  );
  const redact = (text: string) =>
    secrets.reduce((out, secret) => out.replaceAll(secret, '[redacted]'), text);
  const where = redact(`${base.protocol}//${base.host}${base.pathname.replace(/\/$/, '')}`);
  const doFetch = endpoint.fetch ?? globalThis.fetch;
  const timeoutMs = endpoint.timeoutMs ?? 120_000;

  async function post(path: string, body: unknown, signal: AbortSignal): Promise<unknown> {
    const url = new URL(path, base);
    const timeout = AbortSignal.timeout(timeoutMs);
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      accept: 'application/json',
    };
    if (endpoint.apiKey) headers.authorization = `Bearer ${endpoint.apiKey}`;
    let response: Response;
    try {
      response = await doFetch(url, {
        method: 'POST',
        headers,
        body: JSON.stringify(body),
        signal: AbortSignal.any([signal, timeout]),
        redirect: 'error',
      });
    } catch (error) {
      throw callFailure(
        error,
        signal,
        timeout,
        timeoutMs,
        `${where}/${path} is not reachable: ${describe(error)}`,
        redact,
      );
    }
    let text: string;
    try {
      text = await readCapped(response, MAX_RESPONSE_BYTES);
    } catch (error) {
      throw callFailure(
        error,
        signal,
        timeout,
        timeoutMs,
        `${where}/${path}: ${errorMessage(error)}`,
        redact,
      );
    }
    if (!response.ok) {
      throw new RunnerFailure(
        StatusCode.MODEL_PREDICTION_FAILED,
        redact(`${where}/${path} answered HTTP ${response.status}${apiMessage(text)}`),
      );
    }
    try {
      return JSON.parse(text);
    } catch {
      throw new RunnerFailure(StatusCode.MODEL_PREDICTION_FAILED, `${where}/${path} did not answer JSON`);
    }
  }

  return { post, redact, where };
}

function callFailure(
  error: unknown,
  signal: AbortSignal,
  timeout: AbortSignal,
  timeoutMs: number,
  message: string,
  redact: (text: string) => string,
): RunnerFailure {
  if (signal.aborted) return new RunnerFailure(StatusCode.REQUEST_TIMEOUT, 'request was cancelled');
  if (timeout.aborted) {
    return new RunnerFailure(
      StatusCode.REQUEST_TIMEOUT,
      `the endpoint did not answer within ${Math.round(timeoutMs / 1000)} s`,
    );
  }
  return new RunnerFailure(StatusCode.MODEL_PREDICTION_FAILED, redact(message), { cause: error });
}

/** `: <message>` from an OpenAI-style error body (`{error: {message}}`), bounded. */
function apiMessage(body: string): string {
  let message: unknown;
  try {
    const parsed: unknown = JSON.parse(body);
    if (parsed && typeof parsed === 'object' && 'error' in parsed) {
      const inner: unknown = parsed.error;
      message = inner && typeof inner === 'object' && 'message' in inner ? inner.message : inner;
    }
  } catch {
    message = body;
  }
  const text = typeof message === 'string' ? message.trim() : '';
  return text ? `: ${text.slice(0, 300)}` : '';
}

async function readCapped(response: Response, maxBytes: number): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new Error(`the answer is over ${Math.round(maxBytes / 1024 / 1024)} MB`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total).toString('utf8');
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return 'network error';
  const cause: unknown = error.cause;
  if (cause instanceof Error && cause.message) return cause.message;
  return error.message;
}
