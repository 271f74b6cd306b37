import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BaseResponse,
  MultiWorkflowResponse,
  MultiWorkflowVersionResponse,
  PostWorkflowResultsResponse,
  SingleModelResponse,
  SingleWorkflowResponse,
  SingleWorkflowVersionResponse,
} from '../../contract/clarifai';
import { builtinModels, ModelCatalog } from '../models/catalog';
import { fakeModel, throwingRunner, tracingRunner } from '../test/fake-models';
import { jsonRequest, startTestEngine, V1, V2, type TestEngine } from '../test/fixtures';
import { copyWorkflows } from '../test/workflows-copy';

let t: TestEngine;
beforeAll(async () => {
  t = await startTestEngine();
});
afterAll(() => t.close());

const LONG = '/v2/users/local/apps/main';
const CLARIFAI = '/v2/users/clarifai/apps/main';

async function get(url: string, init?: RequestInit) {
  const response = await t.app.request(url, init);
  return { http: response.status, body: (await response.json()) as unknown };
}

describe('reading workflows', () => {
  it.each([`${LONG}/workflows`, `${CLARIFAI}/workflows`, '/v2/workflows', '/v2/workflows/'])(
    'lists workflows at %s',
    async (url) => {
      const { http, body } = await get(url);
      const parsed = MultiWorkflowResponse.parse(body);
      expect(http).toBe(200);
      expect(parsed.status).toMatchObject({ code: 10000, req_id: expect.stringMatching(/^[0-9a-f]{32}$/) });
      const workflow = parsed.workflows?.find((w) => w.id === 'ocr-translate');
      expect(workflow?.version?.id).toBe(V2);
      expect(workflow?.nodes?.map((n) => n.id)).toEqual(['ocr', 'translate-spa', 'translate-cat']);
      expect(workflow?.user_id).toBe(url.startsWith(CLARIFAI) ? 'clarifai' : 'local');
    },
  );

  it('pages the list', async () => {
    const all = MultiWorkflowResponse.parse((await get('/v2/workflows')).body).workflows ?? [];
    const page = async (n: number) =>
      MultiWorkflowResponse.parse((await get(`/v2/workflows?page=${n}&per_page=1`)).body).workflows;
    expect(all.length).toBeGreaterThan(1);
    expect(await page(1)).toEqual([all[0]]);
    expect(await page(all.length)).toEqual([all.at(-1)]);
    expect(await page(all.length + 1)).toEqual([]);
    expect((await get('/v2/workflows?per_page=0')).http).toBe(400);
  });

  it.each([`${LONG}/workflows/ocr-translate`, '/v2/workflows/ocr-translate/'])(
    'gets one workflow at %s',
    async (url) => {
      const parsed = SingleWorkflowResponse.parse((await get(url)).body);
      expect(parsed.workflow).toMatchObject({
        id: 'ocr-translate',
        created_at: '2025-01-15T10:00:00.000Z',
        modified_at: '2025-03-01T10:00:00.000Z',
        version: { id: V2 },
      });
      expect(parsed.workflow.nodes?.[0]?.model).toMatchObject({
        id: 'ocr-tesseract-english',
        model_type_id: 'optical-character-recognizer',
        model_version: { id: expect.any(String) },
        output_info: { params: { granularity: 'word' } },
      });
      expect(parsed.workflow.nodes?.[2]?.node_inputs).toEqual([{ node_id: 'ocr' }]);
    },
  );

  it.each([`${LONG}/workflows/ocr-translate/versions`, '/v2/workflows/ocr-translate/versions/'])(
    'lists versions newest first at %s',
    async (url) => {
      const parsed = MultiWorkflowVersionResponse.parse((await get(url)).body);
      expect(parsed.workflow_versions?.map((v) => v.id)).toEqual([V2, V1]);
      expect(parsed.workflow_versions?.[1]?.nodes?.map((n) => n.id)).toEqual(['ocr', 'translate-spa']);
    },
  );

  it.each([`${LONG}/workflows/ocr-translate/versions/${V1}`, `/v2/workflows/ocr-translate/versions/${V1}/`])(
    'gets one version at %s',
    async (url) => {
      const parsed = SingleWorkflowVersionResponse.parse((await get(url)).body);
      expect(parsed.workflow_version).toMatchObject({
        id: V1,
        workflow_id: 'ocr-translate',
        created_at: '2025-01-15T10:00:00.000Z',
      });
    },
  );

  it('answers 22102/404 for an unknown workflow or owner, 11101/404 for an unknown version', async () => {
    for (const url of [
      '/v2/workflows/nope',
      `${LONG}/workflows/nope/versions`,
      '/v2/users/someone/apps/main/workflows/ocr-translate',
    ]) {
      const { http, body } = await get(url);
      expect([url, http, BaseResponse.parse(body).status.code]).toEqual([url, 404, 22102]);
    }
    const { http, body } = await get(
      `${LONG}/workflows/ocr-translate/versions/0123456789abcdef0123456789abcdef`,
    );
    expect([http, BaseResponse.parse(body).status.code]).toEqual([404, 11101]);
    expect(BaseResponse.parse((await get('/v2/users/someone/apps/main/workflows')).body).status.code).toBe(
      11101,
    );
  });
});

describe('models and the rest', () => {
  it.each([
    `${LONG}/models/text-translation-english-catalan`,
    '/v2/models/text-translation-english-catalan/',
  ])('gets a model at %s', async (url) => {
    const parsed = SingleModelResponse.parse((await get(url)).body);
    expect(parsed.model).toMatchObject({
      id: 'text-translation-english-catalan',
      model_type_id: 'text-to-text',
      model_version: { id: expect.any(String) },
    });
  });

  it('lists models, and answers 21200/404 for an unknown one', async () => {
    const list = (await get('/v2/models')).body;
    expect(JSON.stringify(list)).toContain('ocr-tesseract-english');
    const { http, body } = await get(`${LONG}/models/general-image-recognition`);
    expect([http, BaseResponse.parse(body).status.code]).toEqual([404, 21200]);
    expect(BaseResponse.parse((await get('/v2/users/someone/apps/x/models')).body).status.code).toBe(11101);
  });

  it('answers 11101/404 as JSON for unknown paths and methods', async () => {
    for (const [url, method] of [
      ['/v2/nothing', 'GET'],
      ['/v2/workflows/ocr-translate', 'DELETE'],
      ['/nothing', 'GET'],
    ] as const) {
      const { http, body } = await get(url, { method });
      expect([url, http, BaseResponse.parse(body).status.code]).toEqual([url, 404, 11101]);
    }
  });

  it('accepts (and ignores) an Authorization header', async () => {
    const { http } = await get('/v2/workflows', { headers: { authorization: 'Key abc123' } });
    expect(http).toBe(200);
  });

  it('answers /healthz cheaply', async () => {
    expect((await get('/healthz')).body).toMatchObject({ status: { code: 10000 } });
  });
});

describe('predict request checks', () => {
  const url = '/v2/workflows/ocr-translate/results';
  const text = (raw: string) => ({ data: { text: { raw } } });

  it('answers 11100/400 for malformed JSON or a body that is not a predict request', async () => {
    for (const body of ['{"inputs": [', '{"inputs": "nope"}', '']) {
      const response = await t.app.request(url, { method: 'POST', body });
      expect([body, response.status, BaseResponse.parse(await response.json()).status.code]).toEqual([
        body,
        400,
        11100,
      ]);
    }
  });

  it('answers 40001/400 for 0 or 33 inputs and for sample_ms out of range', async () => {
    for (const body of [
      { inputs: [] },
      { inputs: Array.from({ length: 33 }, (_, i) => text(`t${i}`)) },
      { inputs: [text('a')], output_config: { sample_ms: 99 } },
      { inputs: [text('a')], output_config: { sample_ms: 60001 } },
    ]) {
      const response = await t.app.request(url, jsonRequest('POST', body));
      expect([response.status, BaseResponse.parse(await response.json()).status.code]).toEqual([400, 40001]);
    }
  });

  it('answers 22102/404 for an unknown workflow, and for an unknown owner named in the body', async () => {
    for (const [target, body] of [
      ['/v2/workflows/nope/results', { inputs: [text('a')] }],
      [url, { inputs: [text('a')], user_app_id: { user_id: 'someone', app_id: 'main' } }],
    ] as const) {
      const response = await t.app.request(target, jsonRequest('POST', body));
      expect([response.status, BaseResponse.parse(await response.json()).status.code]).toEqual([404, 22102]);
    }
  });

  it('pins a version only on the long form', async () => {
    const response = await t.app.request(
      `/v2/workflows/ocr-translate/versions/${V1}/results`,
      jsonRequest('POST', { inputs: [text('a')] }),
    );
    expect([response.status, BaseResponse.parse(await response.json()).status.code]).toEqual([404, 11101]);
    const unknown = await t.app.request(
      `${LONG}/workflows/ocr-translate/versions/ffffffffffffffffffffffffffffffff/results`,
      jsonRequest('POST', { inputs: [text('a')] }),
    );
    expect([unknown.status, BaseResponse.parse(await unknown.json()).status.code]).toEqual([404, 11101]);
  });
});

describe('PATCH workflows', () => {
  const apiNode = (id: string, model: string, inputs: string[] = []) => ({
    id,
    model: { id: model },
    node_inputs: inputs.map((node_id) => ({ node_id })),
  });

  it('adds a version that is served at once and survives a restart', async () => {
    const own = await startTestEngine();
    try {
      const patch = {
        action: 'overwrite',
        workflows: [
          {
            id: 'ocr-translate',
            nodes: [
              apiNode('ocr', 'ocr-tesseract-english'),
              apiNode('cat', 'text-translation-english-catalan', ['ocr']),
            ],
          },
        ],
      };
      const response = await own.app.request(`${LONG}/workflows/`, jsonRequest('PATCH', patch));
      const parsed = MultiWorkflowResponse.parse(await response.json());
      expect(parsed.status.code).toBe(10000);
      const newId = parsed.workflows?.[0]?.version?.id;
      expect(newId).toMatch(/^[0-9a-f]{32}$/);

      const versions = MultiWorkflowVersionResponse.parse(
        await (await own.app.request('/v2/workflows/ocr-translate/versions')).json(),
      );
      expect(versions.workflow_versions?.map((v) => v.id)).toEqual([newId, V2, V1]);

      // A fresh engine over the same folder is what a restart sees.
      const restarted = await startTestEngine({ dir: own.dir });
      try {
        const latest = SingleWorkflowResponse.parse(
          await (await restarted.app.request('/v2/workflows/ocr-translate')).json(),
        );
        expect(latest.workflow.version?.id).toBe(newId);
        expect(latest.workflow.nodes?.map((n) => n.id)).toEqual(['ocr', 'cat']);
      } finally {
        await restarted.close();
      }
    } finally {
      await own.close();
    }
  });

  it('rejects graphs that read unknown or later nodes or have over 20 nodes, writing nothing', async () => {
    const bad = [
      [apiNode('a', 'm', ['ghost'])],
      [apiNode('a', 'm', ['b']), apiNode('b', 'm')],
      Array.from({ length: 21 }, (_, i) => apiNode(`n${i}`, 'm')),
      [apiNode('../../escape', 'm')],
    ];
    for (const nodes of bad) {
      const response = await t.app.request(
        '/v2/workflows',
        jsonRequest('PATCH', { action: 'overwrite', workflows: [{ id: 'ocr-translate', nodes }] }),
      );
      const status = BaseResponse.parse(await response.json()).status;
      expect([response.status, status.code]).toEqual([400, 11102]);
      expect(status.details).toBeTruthy();
    }
    const versions = MultiWorkflowVersionResponse.parse(
      await (await t.app.request('/v2/workflows/ocr-translate/versions')).json(),
    );
    expect(versions.workflow_versions).toHaveLength(2);
  });

  it('answers 22102 for an unknown workflow and 11102 for an action other than overwrite', async () => {
    const unknown = await t.app.request(
      '/v2/workflows',
      jsonRequest('PATCH', { action: 'overwrite', workflows: [{ id: 'nope', nodes: [apiNode('a', 'm')] }] }),
    );
    expect(BaseResponse.parse(await unknown.json()).status.code).toBe(22102);
    const merge = await t.app.request(
      '/v2/workflows',
      jsonRequest('PATCH', {
        action: 'merge',
        workflows: [{ id: 'ocr-translate', nodes: [apiNode('a', 'm')] }],
      }),
    );
    expect(BaseResponse.parse(await merge.json()).status.code).toBe(11102);
  });
});

describe('a node whose runner throws', () => {
  it('fails only its own output and its descendants; the engine carries on', async () => {
    const copy = await copyWorkflows();
    const dir = copy.dir;
    await mkdir(path.join(dir, 'planted'));
    await writeFile(
      path.join(dir, 'planted', 'v1.yaml'),
      [
        'workflow:',
        '  id: planted',
        '  version: {id: v1, created_at: "2025-01-01T00:00:00Z"}',
        '  nodes:',
        '    - {id: echo, model: {model_id: echo}}',
        '    - {id: bomb, model: {model_id: bomb}, node_inputs: [{node_id: echo}]}',
        '    - {id: after-bomb, model: {model_id: echo}, node_inputs: [{node_id: bomb}]}',
        '    - {id: sibling, model: {model_id: echo}, node_inputs: [{node_id: echo}]}',
      ].join('\n'),
    );
    const catalog = new ModelCatalog([
      ...builtinModels(),
      fakeModel('echo', () => tracingRunner('echo', [])),
      fakeModel('bomb', () => throwingRunner('planted failure')),
    ]);
    const planted = await startTestEngine({ dir, catalog });
    try {
      const response = await planted.app.request(
        '/v2/workflows/planted/results',
        jsonRequest('POST', { inputs: [{ id: 'x', data: { text: { raw: 'hi' } } }] }),
      );
      const parsed = PostWorkflowResultsResponse.parse(await response.json());
      expect(response.status).toBe(200);
      expect(parsed.status.code).toBe(10010);
      const outputs = parsed.results?.[0]?.outputs ?? [];
      expect(outputs.map((o) => [o.model?.id, o.status?.code])).toEqual([
        ['echo', 10000],
        ['bomb', 21313],
        ['echo', 21313],
        ['echo', 10000],
      ]);
      expect(outputs[1]?.status?.details).toContain('planted failure');
      expect(outputs[3]?.data?.text?.raw).toBe('echo(echo(hi))');
      // The same engine still answers.
      expect((await planted.app.request('/healthz')).status).toBe(200);
    } finally {
      await planted.close();
      await copy.remove();
    }
  });
});
