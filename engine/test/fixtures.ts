/** Test helpers: an app over a private copy of workflows/ (no open port), rendered text images. */
import sharp from 'sharp';
import { createEngine, type Engine, type EngineOptions } from '../create-engine';
import { createApp } from '../http/app';
import { copyWorkflows } from './workflows-copy';

export { V1, V2 } from './workflows-copy';

export interface TestEngine {
  readonly engine: Engine;
  readonly app: ReturnType<typeof createApp>;
  readonly dir: string;
  close(): Promise<void>;
}

export async function startTestEngine(
  options: Partial<EngineOptions> & { dir?: string } = {},
): Promise<TestEngine> {
  const copy = options.dir ? undefined : await copyWorkflows();
  const dir = options.dir ?? copy?.dir ?? '';
  const engine = await createEngine({ warn: () => undefined, ...options, workflowsDir: dir });
  return {
    engine,
    app: createApp(engine.deps),
    dir,
    async close() {
      await engine.close();
      await copy?.remove();
    },
  };
}

/** Big black capitals on white, one line per string: what tesseract reads exactly. */
export async function renderTextPng(lines: readonly string[]): Promise<Buffer> {
  const lineHeight = 110;
  const text = lines
    .map(
      (line, i) =>
        `<text x="40" y="${100 + i * lineHeight}" font-family="DejaVu Sans, sans-serif" font-size="64" font-weight="bold" fill="black">${line}</text>`,
    )
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="900" height="${60 + lines.length * lineHeight}"><rect width="100%" height="100%" fill="white"/>${text}</svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

export function jsonRequest(method: string, body: unknown): RequestInit {
  return { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}
