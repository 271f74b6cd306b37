/**
 * A bounded queue in front of the runners: at most `maxConcurrent` predictions run, at most
 * `maxQueued` wait in order behind them, and anything beyond is refused at once (the route answers
 * 11005 / 429 with Retry-After) instead of piling up memory and latency.
 */
export interface LoadGateOptions {
  readonly maxConcurrent: number;
  readonly maxQueued: number;
}

export type Release = () => void;

export class LoadGate {
  private active = 0;
  private readonly waiting: { resolve: (release: Release) => void; reject: (error: unknown) => void }[] = [];

  constructor(readonly options: LoadGateOptions) {}

  /** Running and waiting now (for tests and the log). */
  get load(): { active: number; queued: number } {
    return { active: this.active, queued: this.waiting.length };
  }

  /**
   * A slot (resolve with its release, call it exactly once), or undefined when the queue is full.
   * A wait ends early, rejecting with the signal's reason, if `signal` aborts (the client left).
   */
  enter(signal?: AbortSignal): Promise<Release> | undefined {
    if (this.active < this.options.maxConcurrent) {
      this.active++;
      return Promise.resolve(this.releaser());
    }
    if (this.waiting.length >= this.options.maxQueued) return undefined;
    return new Promise<Release>((resolve, reject) => {
      const waiter = {
        resolve: (release: Release) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(release);
        },
        reject,
      };
      const onAbort = () => {
        const at = this.waiting.indexOf(waiter);
        if (at >= 0) this.waiting.splice(at, 1);
        reject(signal?.reason);
      };
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(waiter);
    });
  }

  private releaser(): Release {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      // The slot passes straight to the next waiter, so `active` never dips and lets a newcomer jump the queue.
      if (next) next.resolve(this.releaser());
      else this.active--;
    };
  }
}
