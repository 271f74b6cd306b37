import path from 'node:path';

/** Where the end-to-end suite builds the app for a given preview port (`.tmp/e2e-dist-<port>`). */
export function e2eDistDir(appPort: number): string {
  return path.join(import.meta.dirname, '..', '..', '.tmp', `e2e-dist-${appPort}`);
}
