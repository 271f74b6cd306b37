/**
 * A fake API for component tests: one handler answers both transports the app uses (fetch for
 * reads, XMLHttpRequest for the predict upload), with real `Response` objects.
 */
import { vi } from 'vitest';

export interface ApiCall {
  method: string;
  path: string;
  body: unknown;
  /** Request headers, names in lower case (recorded for the XHR upload). */
  headers?: Record<string, string>;
}

export type ApiHandler = (call: ApiCall) => Response | Promise<Response>;

export function clarifaiJson(body: unknown, httpStatus = 200): Response {
  return new Response(JSON.stringify(body), { status: httpStatus, headers: { 'content-type': 'application/json' } });
}

export const OK = { code: 10000, description: 'Ok' } as const;

function parseBody(body: unknown): unknown {
  return typeof body === 'string' ? JSON.parse(body) : undefined;
}

/** Installs the handler; returns the calls seen, for assertions on what was sent. */
export function mockApi(handler: ApiHandler): ApiCall[] {
  const calls: ApiCall[] = [];

  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const call = { method: init?.method ?? 'GET', path: url, body: parseBody(init?.body) };
    calls.push(call);
    return handler(call);
  });

  class FakeXhr {
    status = 0;
    responseText = '';
    upload: { onprogress: ((e: ProgressEvent) => void) | null; onload: ((e: ProgressEvent) => void) | null } = {
      onprogress: null,
      onload: null,
    };
    readyState = 0;
    onreadystatechange: (() => void) | null = null;
    onprogress: (() => void) | null = null;
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    onabort: (() => void) | null = null;
    private method = 'GET';
    private path = '';
    private headers = new Headers();
    private requestHeaders: Record<string, string> = {};
    private aborted = false;

    open(method: string, path: string) {
      this.method = method;
      this.path = path;
    }
    setRequestHeader(name: string, value: string) {
      this.requestHeaders[name.toLowerCase()] = value;
    }
    getResponseHeader(name: string) {
      return this.headers.get(name);
    }
    abort() {
      this.aborted = true;
      this.onabort?.();
    }
    send(body: string | null) {
      const call = { method: this.method, path: this.path, body: parseBody(body), headers: this.requestHeaders };
      calls.push(call);
      const total = body?.length ?? 0;
      void (async () => {
        await Promise.resolve();
        this.upload.onprogress?.(new ProgressEvent('progress', { lengthComputable: true, loaded: total / 2, total }));
        this.upload.onload?.(new ProgressEvent('load', { lengthComputable: true, loaded: total, total }));
        try {
          const response = await handler(call);
          if (this.aborted) return;
          this.status = response.status;
          this.headers = response.headers;
          this.readyState = 2;
          this.onreadystatechange?.();
          // The body as it arrives, chunk by chunk, as a browser's XHR hands it over.
          const reader = response.body?.getReader();
          const decoder = new TextDecoder();
          for (let chunk = await reader?.read(); chunk && !chunk.done; chunk = await reader?.read()) {
            if (this.aborted) return;
            this.responseText += decoder.decode(chunk.value, { stream: true });
            this.readyState = 3;
            this.onprogress?.();
          }
          if (this.aborted) return;
          this.responseText += decoder.decode();
          this.readyState = 4;
          this.onreadystatechange?.();
          this.onload?.();
        } catch {
          if (!this.aborted) this.onerror?.();
        }
      })();
    }
  }
  vi.stubGlobal('XMLHttpRequest', FakeXhr);
  return calls;
}

/** jsdom has no object URLs; the app only needs a string it can put in `src` and revoke. */
export function stubObjectUrls(): void {
  let next = 0;
  Object.defineProperty(URL, 'createObjectURL', { configurable: true, value: () => `blob:test/${(next += 1)}` });
  Object.defineProperty(URL, 'revokeObjectURL', { configurable: true, value: () => undefined });
}
