import { StatusCode } from '../../contract/clarifai';

/**
 * Why a vision task failed. `code` is the Clarifai status the output should answer with, so the
 * executor can put it straight into a per-output status; `kind` lets callers branch without
 * comparing numbers (a cancelled task is not a model failure and should not be reported as one).
 */
export type VisionErrorKind =
  /** The model threw, or its worker crashed mid-task (21313). */
  | 'failed'
  /** The task ran past its time limit; its worker was replaced (40032). */
  | 'timeout'
  /** Too many tasks waiting; nothing was started (11005). */
  | 'queue_full'
  /** The caller's AbortSignal fired (no Clarifai status of its own: reported as 40032). */
  | 'aborted'
  /** `close()` was called before the task finished. */
  | 'closed'
  /** The image bytes could not be decoded (30300). */
  | 'bad_input'
  /** The input is valid but too large for this operation (30105). */
  | 'too_large';

const codes: Record<VisionErrorKind, number> = {
  failed: StatusCode.MODEL_PREDICTION_FAILED,
  timeout: StatusCode.REQUEST_TIMEOUT,
  queue_full: StatusCode.CONN_THROTTLED,
  aborted: StatusCode.REQUEST_TIMEOUT,
  closed: StatusCode.MODEL_NOT_DEPLOYED,
  bad_input: StatusCode.INPUT_DECODE_FAILED,
  too_large: StatusCode.INPUT_OVER_LIMIT,
};

export class VisionError extends Error {
  readonly kind: VisionErrorKind;
  readonly code: number;

  constructor(kind: VisionErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'VisionError';
    this.kind = kind;
    this.code = codes[kind];
  }
}

export function isVisionErrorKind(value: unknown): value is VisionErrorKind {
  return typeof value === 'string' && Object.hasOwn(codes, value);
}
