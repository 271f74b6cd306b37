import type { RunnerError } from './types';

/** An error that carries the Clarifai status its output should answer with. */
export class RunnerFailure extends Error implements RunnerError {
  readonly code: number;
  readonly details: string;

  constructor(code: number, details: string, options?: { cause?: unknown }) {
    super(details, options);
    this.name = 'RunnerFailure';
    this.code = code;
    this.details = details;
  }
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : 'unknown error';
}
