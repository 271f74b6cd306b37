/**
 * kill -9 in the middle of writing a version: the versions already there are intact, the half
 * written one is never served, and its temporary file is removed when the store opens again.
 */
import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { copyWorkflows, V1, V2 } from '../test/workflows-copy';
import { TEMP_FILE } from './atomic-write';
import { WorkflowStore } from './store';

const writer = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../test/write-versions-forever.ts');
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

describe('a writer killed mid-write', () => {
  it('leaves the old versions intact and its temp file is cleaned on open', async () => {
    const copy = await copyWorkflows();
    cleanups.push(copy.remove);
    const folder = path.join(copy.dir, 'ocr-translate');
    const before = await readFile(path.join(folder, `${V2}.yaml`), 'utf8');

    const child = spawn(process.execPath, ['--import', 'tsx', writer, copy.dir], { stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
    cleanups.push(async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    });
    await new Promise<void>((resolve, reject) => {
      child.stdout.once('data', () => resolve());
      child.once('exit', () => reject(new Error('the writer exited before it was ready')));
    });
    // Kill it the moment a temporary file exists: the write is in progress.
    const deadline = Date.now() + 20_000;
    let seen: string | undefined;
    while (!seen && Date.now() < deadline) {
      seen = (await readdir(folder)).find((name) => TEMP_FILE.test(name));
    }
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(seen).toBeDefined();

    const left = await readdir(folder);
    const warnings: string[] = [];
    const store = await WorkflowStore.open(copy.dir, { warn: (message) => warnings.push(message) });
    expect(warnings).toEqual([]);
    // No temp file is left, and no half-written version is served.
    expect((await readdir(folder)).filter((name) => TEMP_FILE.test(name))).toEqual([]);
    const versions = store.get('ocr-translate')?.versions ?? [];
    expect(versions.map((version) => version.id)).toEqual(expect.arrayContaining([V2, V1]));
    // Whole versions written before the kill are served whole; the killed one is not there at all.
    const completed = left.filter((name) => name.endsWith('.yaml') && !name.startsWith('.'));
    expect(versions).toHaveLength(completed.length);
    for (const version of versions.filter((v) => v.id !== V1 && v.id !== V2)) {
      expect(version.description).toHaveLength(40 * 1024 * 1024);
    }
    expect(await readFile(path.join(folder, `${V2}.yaml`), 'utf8')).toBe(before);
  });
});
