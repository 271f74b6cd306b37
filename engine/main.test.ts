/**
 * The real engine process (main.ts) on a loopback port: SIGTERM while an OCR request is in flight
 * answers that request in full, then exits 0; a bad ENGINE_URL_ALLOWLIST stops it at start.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { PostWorkflowResultsResponse } from '../contract/clarifai';
import { renderTextPng } from './test/fixtures';
import { copyWorkflows } from './test/workflows-copy';

const main = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'main.ts');
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

function startEngine(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', main], {
    env: { ...process.env, ENGINE_PORT: '0', ENGINE_API_KEYS: '', ENGINE_URL_ALLOWLIST: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += String(chunk)));
  child.stderr.on('data', (chunk: Buffer) => (output += String(chunk)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  cleanups.push(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  });
  const listening = new Promise<string>((resolve, reject) => {
    const check = () => {
      const match = /engine listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout.on('data', check);
    void exited.then(() => reject(new Error(`the engine exited: ${output}`)));
  });
  // Awaited only by tests that expect it to listen.
  listening.catch(() => undefined);
  return { child, exited, listening, output: () => output };
}

describe('engine/main.ts', () => {
  it('drains an in-flight request on SIGTERM, then exits 0', async () => {
    const copy = await copyWorkflows();
    cleanups.push(copy.remove);
    const engine = startEngine({ WORKFLOWS_DIR: copy.dir });
    const url = await engine.listening;
    const sign = (await renderTextPng(['OPEN'])).toString('base64');
    let answeredAt = 0;
    const answer = fetch(`${url}/v2/workflows/ocr-translate/results`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ inputs: [{ data: { image: { base64: sign } } }] }),
    }).then((response) => {
      answeredAt = performance.now();
      return response;
    });
    // The request is in flight (OCR loads and reads for a second or more) when SIGTERM arrives.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const killedAt = performance.now();
    engine.child.kill('SIGTERM');
    const response = await answer;
    expect(answeredAt).toBeGreaterThan(killedAt);
    expect(response.status).toBe(200);
    const body = PostWorkflowResultsResponse.parse(await response.json());
    expect(body.results?.[0]?.outputs?.[0]?.data?.regions?.map((r) => r.data?.text?.raw)).toEqual(['OPEN']);
    expect(await engine.exited).toBe(0);
    expect(engine.output()).toContain('engine: SIGTERM, shutting down');
  });

  it('refuses to start with an ENGINE_URL_ALLOWLIST it cannot read', async () => {
    const engine = startEngine({ ENGINE_URL_ALLOWLIST: 'http://nope' });
    expect(await engine.exited).toBe(1);
    expect(engine.output()).toMatch(
      /ENGINE_URL_ALLOWLIST: "http:\/\/nope" is not a host name, address or CIDR/,
    );
  });
});
