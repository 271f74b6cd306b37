import { describe, expect, it } from 'vitest';
import type { WorkflowResult } from '../../contract/clarifai';
import type { InputPreparation } from '../media/types';
import { ModelCatalog } from '../models/catalog';
import { RunnerFailure } from '../runners/failure';
import { RunnerRegistry } from '../runners/registry';
import { fakeModel, throwingRunner, tracingRunner, type RunnerCall } from '../test/fake-models';
import { executeWorkflow, summariseResults } from './executor';
import type { FileNode } from './format';

const owner = { user_id: 'local', app_id: 'main' };

function node(id: string, model: string, inputs: string[] = [], extra: Partial<FileNode> = {}): FileNode {
  return { id, model: { model_id: model }, node_inputs: inputs.map((node_id) => ({ node_id })), ...extra };
}

function textInput(id: string, text: string): InputPreparation {
  return { ok: true, input: { id, data: { text: { raw: text } }, text }, echo: { text: { raw: text } } };
}

function run(nodes: FileNode[], inputs: InputPreparation[], catalog: ModelCatalog) {
  return executeWorkflow({ nodes, inputs, catalog, runners: new RunnerRegistry(), owner, outputConfig: {}, signal: new AbortController().signal });
}

const texts = (result: WorkflowResult | undefined) => result?.outputs?.map((o) => o.data?.text?.raw);
const codes = (result: WorkflowResult | undefined) => result?.outputs?.map((o) => o.status?.code);

describe('executeWorkflow', () => {
  it('feeds parents to children, one batched runner call per node, siblings side by side', async () => {
    const calls: RunnerCall[] = [];
    const catalog = new ModelCatalog(
      ['a', 'b', 'c', 'd'].map((id) => fakeModel(id, () => tracingRunner(id, calls, { delayMs: 40 }))),
    );
    const nodes = [node('a', 'a'), node('b', 'b', ['a']), node('c', 'c', ['a']), node('d', 'd', ['c', 'b'])];
    const results = await run(nodes, [textInput('one', 'x'), textInput('two', 'y')], catalog);

    expect(texts(results[0])).toEqual(['a(x)', 'b(a(x))', 'c(a(x))', 'd(c(a(x))+b(a(x)))']);
    expect(texts(results[1])).toEqual(['a(y)', 'b(a(y))', 'c(a(y))', 'd(c(a(y))+b(a(y)))']);
    expect(calls.map((call) => [call.model, call.inputIds])).toEqual([
      ['a', ['one', 'two']],
      ['b', ['one', 'two']],
      ['c', ['one', 'two']],
      ['d', ['one', 'two']],
    ]);
    const [a, b, c, d] = calls;
    // b and c only read a: they start together, before either ends; d waits for both.
    expect(b?.started).toBeGreaterThanOrEqual(a?.ended ?? Infinity);
    expect(c?.started).toBeLessThan(b?.ended ?? 0);
    expect(d?.started).toBeGreaterThanOrEqual(Math.max(b?.ended ?? Infinity, c?.ended ?? Infinity));
    expect(summariseResults(results).code).toBe(10000);
  });

  it('fails a throwing node and its descendants only', async () => {
    const calls: RunnerCall[] = [];
    const catalog = new ModelCatalog([
      fakeModel('ok', () => tracingRunner('ok', calls)),
      fakeModel('boom', () => throwingRunner('kaboom')),
    ]);
    const nodes = [node('first', 'ok'), node('bad', 'boom', ['first']), node('after-bad', 'ok', ['bad']), node('fine', 'ok', ['first'])];
    const [result] = await run(nodes, [textInput('in', 'x')], catalog);

    expect(codes(result)).toEqual([10000, 21313, 21313, 10000]);
    expect(result?.outputs?.[1]?.status?.details).toContain('kaboom');
    expect(result?.outputs?.[2]?.status?.details).toBe('not run: its input node "bad" failed');
    expect(result?.outputs?.[3]?.data?.text?.raw).toBe('ok(ok(x))');
    expect(result?.status?.code).toBe(10010);
  });

  it('fails one input of a batch without touching the others', async () => {
    const calls: RunnerCall[] = [];
    const catalog = new ModelCatalog([
      fakeModel('picky', () => tracingRunner('picky', calls, { failInput: 'bad' })),
      fakeModel('next', () => tracingRunner('next', calls)),
    ]);
    const results = await run([node('p', 'picky'), node('n', 'next', ['p'])], [textInput('good', 'x'), textInput('bad', 'y')], catalog);

    expect(codes(results[0])).toEqual([10000, 10000]);
    expect(codes(results[1])).toEqual([30104, 21313]);
    expect(results[1]?.status?.code).toBe(10020);
    // The child ran only on the input that reached it.
    expect(calls.find((call) => call.model === 'next')?.inputIds).toEqual(['good']);
    expect(summariseResults(results).code).toBe(10010);
  });

  it('gives every output of an unusable input that input\'s own status', async () => {
    const calls: RunnerCall[] = [];
    const catalog = new ModelCatalog([fakeModel('a', () => tracingRunner('a', calls))]);
    const broken: InputPreparation = { ok: false, id: 'img', echo: { image: { base64: 'dHJ1ZQ==' } }, status: { code: 30300, details: 'undecodable' } };
    const results = await run([node('a', 'a')], [broken], catalog);

    expect(results[0]?.status).toEqual({ code: 30300, details: 'undecodable' });
    expect(codes(results[0])).toEqual([30300]);
    expect(results[0]?.input).toEqual({ id: 'img', data: { image: { base64: 'dHJ1ZQ==' } } });
    expect(calls).toEqual([]);
    expect(summariseResults(results).code).toBe(10020);
  });

  it('answers 21200 for models it does not have or versions it does not serve', async () => {
    const calls: RunnerCall[] = [];
    const catalog = new ModelCatalog([fakeModel('a', () => tracingRunner('a', calls))]);
    const nodes = [
      node('cloud', 'general-image-recognition'),
      { id: 'pinned', model: { model_id: 'a', model_version_id: 'other' } },
      node('local', 'a'),
    ];
    const [result] = await run(nodes, [textInput('in', 'x')], catalog);

    expect(codes(result)).toEqual([21200, 21200, 10000]);
    expect(result?.outputs?.[0]?.status?.details).toMatch(/general-image-recognition.*not available/);
    expect(result?.outputs?.[0]?.model).toMatchObject({ id: 'general-image-recognition' });
  });

  it('reports a load failure with the runner\'s code', async () => {
    const catalog = new ModelCatalog([
      fakeModel('missing-tool', () => ({
        load: async () => {
          throw new RunnerFailure(21353, 'apertium is not installed: run `apt-get install apertium apertium-eng-spa`');
        },
        predict: async () => [],
        close: async () => undefined,
      })),
    ]);
    const [result] = await run([node('t', 'missing-tool')], [textInput('in', 'x')], catalog);
    expect(result?.outputs?.[0]?.status).toMatchObject({ code: 21353, details: expect.stringContaining('apt-get install') });
  });

  it('hides suppressed nodes but still feeds their children, and exposes runner time', async () => {
    const calls: RunnerCall[] = [];
    const catalog = new ModelCatalog([fakeModel('a', () => tracingRunner('a', calls, { timeMs: 12.345 }))]);
    const [result] = await run([node('hidden', 'a', [], { suppress_output: true }), node('shown', 'a', ['hidden'])], [textInput('in', 'x')], catalog);

    expect(texts(result)).toEqual(['a(a(x))']);
    expect(result?.outputs?.[0]?.status?.time_ms).toBe(12.35);
    expect(result?.outputs?.[0]?.model).toMatchObject({ id: 'a', name: 'Fake a', model_version: { id: 'a-v1' } });
  });

  it('fails every item when a runner answers the wrong number of results', async () => {
    const catalog = new ModelCatalog([
      fakeModel('short', () => ({ load: async () => undefined, predict: async () => [], close: async () => undefined })),
    ]);
    const [result] = await run([node('s', 'short')], [textInput('in', 'x')], catalog);
    expect(result?.outputs?.[0]?.status?.code).toBe(98000);
  });
});
