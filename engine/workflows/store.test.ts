import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { copyWorkflows, V1, V2 } from '../test/workflows-copy';
import { WorkflowStore } from './store';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

async function workflowsCopy(): Promise<string> {
  const copy = await copyWorkflows();
  cleanups.push(copy.remove);
  return copy.dir;
}

const ocrOnly = [{ id: 'ocr', model: { model_id: 'ocr-tesseract-english' } }];

describe('WorkflowStore', () => {
  it('loads the shipped ocr-translate versions, newest first', async () => {
    const store = await WorkflowStore.open(await workflowsCopy());
    const workflow = store.get('ocr-translate');
    expect(workflow?.versions.map((v) => v.id)).toEqual([V2, V1]);
    expect(workflow?.versions[0]?.nodes.map((n) => n.id)).toEqual(['ocr', 'translate-spa', 'translate-cat']);
  });

  it('skips, with a warning, files that are invalid or whose path disagrees with their ids', async () => {
    const dir = await workflowsCopy();
    await writeFile(path.join(dir, 'ocr-translate', 'broken.yaml'), 'workflow: [unclosed');
    await writeFile(path.join(dir, 'ocr-translate', 'abc.yaml'), (await readFile(path.join(dir, 'ocr-translate', `${V1}.yaml`), 'utf8')));
    await mkdir(path.join(dir, 'cyclic'));
    await writeFile(
      path.join(dir, 'cyclic', 'v1.yaml'),
      'workflow:\n  id: cyclic\n  version: {id: v1, created_at: "2025-01-01T00:00:00Z"}\n  nodes:\n    - {id: a, model: {model_id: m}, node_inputs: [{node_id: b}]}\n    - {id: b, model: {model_id: m}}\n',
    );
    const warnings: string[] = [];
    const store = await WorkflowStore.open(dir, { warn: (message) => warnings.push(message) });
    expect(store.get('ocr-translate')?.versions).toHaveLength(2);
    expect(store.get('cyclic')).toBeUndefined();
    expect(warnings.join('\n')).toMatch(/broken\.yaml: not valid YAML/);
    expect(warnings.join('\n')).toMatch(/abc\.yaml: it declares workflow ocr-translate version e764/);
    expect(warnings.join('\n')).toMatch(/v1\.yaml: node "a" reads "b", which comes after it/);
  });

  it('writes a new version atomically; a fresh store over the folder serves it as the latest', async () => {
    const dir = await workflowsCopy();
    const store = await WorkflowStore.open(dir, { now: () => new Date('2026-02-03T04:05:06Z') });
    const version = await store.addVersion('ocr-translate', { nodes: ocrOnly, workflowDescription: 'OCR only' });
    expect(version.id).toMatch(/^[0-9a-f]{32}$/);
    expect(store.get('ocr-translate')?.versions[0]?.id).toBe(version.id);

    const files = await readdir(path.join(dir, 'ocr-translate'));
    expect(files.sort()).toEqual([`${V1}.yaml`, `${V2}.yaml`, `${version.id}.yaml`].sort());

    const reopened = await WorkflowStore.open(dir);
    const latest = reopened.get('ocr-translate')?.versions[0];
    expect(latest).toMatchObject({ id: version.id, createdAt: '2026-02-03T04:05:06.000Z', workflowDescription: 'OCR only' });
    expect(latest?.nodes).toEqual(ocrOnly);
  });

  it('keeps newest-first order when the clock does not advance', async () => {
    const store = await WorkflowStore.open(await workflowsCopy(), { now: () => new Date('2020-01-01T00:00:00Z') });
    const [a, b] = await Promise.all([store.addVersion('ocr-translate', { nodes: ocrOnly }), store.addVersion('ocr-translate', { nodes: ocrOnly })]);
    const ids = store.get('ocr-translate')?.versions.map((v) => v.id);
    expect(ids?.slice(0, 2)).toEqual([b?.id, a?.id]);
    expect(Date.parse(b?.createdAt ?? '')).toBeGreaterThan(Date.parse(a?.createdAt ?? ''));
  });

  it('refuses to write an invalid graph or an unknown workflow', async () => {
    const store = await WorkflowStore.open(await workflowsCopy());
    await expect(store.addVersion('ocr-translate', { nodes: [{ id: 'x', model: { model_id: 'm' }, node_inputs: [{ node_id: 'y' }] }] })).rejects.toThrow(/unknown node "y"/);
    await expect(store.addVersion('nope', { nodes: ocrOnly })).rejects.toThrow(/does not exist/);
  });
});
