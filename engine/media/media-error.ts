/** Why one input cannot be used; `code` is the Clarifai status its result answers with. */
export class MediaError extends Error {
  readonly code: number;

  constructor(code: number, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MediaError';
    this.code = code;
  }
}
