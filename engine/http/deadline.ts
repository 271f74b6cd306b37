/**
 * A prediction's deadline (`ENGINE_REQUEST_TIMEOUT_MS`): when it passes, the client is answered
 * 40032 at once and the work's signal aborts, so runners, downloads and ffmpeg stop. A runner that
 * ignores its signal cannot hold the answer back.
 */
import { describeStatus, StatusCode } from '../../contract/clarifai';
import type { Answer } from './stream';

export async function withDeadline(
  work: (signal: AbortSignal) => Promise<Answer>,
  parent: AbortSignal,
  timeoutMs: number | undefined,
): Promise<Answer> {
  if (timeoutMs === undefined || !Number.isFinite(timeoutMs)) return work(parent);
  const controller = new AbortController();
  const onParent = () => controller.abort(parent.reason);
  if (parent.aborted) onParent();
  else parent.addEventListener('abort', onParent, { once: true });
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<Answer>((resolve) => {
    timer = setTimeout(() => {
      const details = `the request took longer than ${timeoutMs} ms (ENGINE_REQUEST_TIMEOUT_MS) and was stopped`;
      controller.abort(new Error(details));
      resolve({
        status: {
          code: StatusCode.REQUEST_TIMEOUT,
          description: describeStatus(StatusCode.REQUEST_TIMEOUT),
          details,
        },
      });
    }, timeoutMs);
  });
  const running = work(controller.signal);
  // Once the deadline has answered, a late failure of the work has no one to go to.
  running.catch(() => undefined);
  try {
    return await Promise.race([running, timedOut]);
  } finally {
    clearTimeout(timer);
    parent.removeEventListener('abort', onParent);
  }
}
