import { randomBytes } from 'node:crypto';

/** A Clarifai-style id: 32 lowercase hex characters (128 random bits). */
export function newId(): string {
  return randomBytes(16).toString('hex');
}
