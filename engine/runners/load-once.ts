/**
 * Memoises an async loader. Concurrent callers share the in-flight promise so a model is loaded
 * once; a failure is forgotten so that installing a missing tool fixes the engine without a restart.
 */
export function loadOnce(load: () => Promise<void>): { load(): Promise<void>; reset(): void } {
  let pending: Promise<void> | undefined;
  return {
    load() {
      pending ??= load().catch((error: unknown) => {
        pending = undefined;
        throw error;
      });
      return pending;
    },
    reset() {
      pending = undefined;
    },
  };
}
