/** Predict end to end with the real models: tesseract.js OCR and apertium translation. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostWorkflowResultsResponse, type Output } from '../../contract/clarifai';
import { jsonRequest, renderTextPng, startTestEngine, V1, V2, type TestEngine } from '../test/fixtures';

let t: TestEngine;
let sign: string;
beforeAll(async () => {
  t = await startTestEngine();
  sign = (await renderTextPng(['THE HOUSE IS RED', 'THE CAT IS BLACK'])).toString('base64');
});
afterAll(() => t.close());

async function predict(url: string, body: object) {
  const response = await t.app.request(url, jsonRequest('POST', body));
  return { http: response.status, body: PostWorkflowResultsResponse.parse(await response.json()) };
}

const regionTexts = (output: Output | undefined) => output?.data?.regions?.map((r) => r.data?.text?.raw);

describe('ocr-translate', () => {
  it('v1 (pinned): one region per line, then Spanish', async () => {
    const { http, body } = await predict(
      `/v2/users/local/apps/main/workflows/ocr-translate/versions/${V1}/results`,
      {
        inputs: [{ id: 'sign', data: { image: { base64: sign } } }],
      },
    );
    expect(http).toBe(200);
    expect(body.status.code).toBe(10000);
    expect(body.workflow?.version?.id).toBe(V1);
    const [result] = body.results ?? [];
    expect(result?.input).toEqual({ id: 'sign', data: { image: { base64: 'dHJ1ZQ==' } } });
    const [ocr, spanish, ...rest] = result?.outputs ?? [];
    expect(rest).toEqual([]);

    expect(ocr?.model).toMatchObject({
      id: 'ocr-tesseract-english',
      model_type_id: 'optical-character-recognizer',
    });
    expect(regionTexts(ocr)).toEqual(['THE HOUSE IS RED', 'THE CAT IS BLACK']);
    expect(ocr?.data?.text?.raw).toBe('THE HOUSE IS RED\nTHE CAT IS BLACK');
    const box = ocr?.data?.regions?.[0]?.region_info?.bounding_box;
    // The first line sits in the top half of the image, starting near the left edge.
    expect(box?.top_row).toBeGreaterThan(0);
    expect(box?.bottom_row).toBeLessThan(0.5);
    expect(box?.left_col).toBeLessThan(0.1);
    expect(ocr?.data?.regions?.[0]?.value).toBeGreaterThan(0.5);

    expect(spanish?.model).toMatchObject({
      id: 'text-translation-english-spanish',
      model_type_id: 'text-to-text',
    });
    expect(spanish?.data?.text?.raw?.toLowerCase()).toContain('casa');
    expect(spanish?.data?.text?.raw?.toLowerCase()).toContain('gato');
    for (const output of [ocr, spanish]) {
      expect(output?.status).toMatchObject({ code: 10000, time_ms: expect.any(Number) });
      expect(output?.status?.time_ms).toBeGreaterThan(0);
      expect(output?.id).toMatch(/^[0-9a-f]{32}$/);
      expect(Date.parse(output?.created_at ?? '')).not.toBeNaN();
    }
  });

  it('v2 (latest, short form): word regions, then Spanish and Catalan', async () => {
    const { body } = await predict('/v2/workflows/ocr-translate/results', {
      inputs: [{ data: { image: { base64: sign } } }],
    });
    expect(body.workflow?.version?.id).toBe(V2);
    const [result] = body.results ?? [];
    expect(result?.input?.id).toMatch(/^[0-9a-f]{32}$/);
    const [ocr, spanish, catalan] = result?.outputs ?? [];
    expect(regionTexts(ocr)).toEqual(['THE', 'HOUSE', 'IS', 'RED', 'THE', 'CAT', 'IS', 'BLACK']);
    expect(spanish?.data?.text?.raw?.toLowerCase()).toContain('casa');
    expect(catalan?.model?.id).toBe('text-translation-english-catalan');
    expect(catalan?.data?.text?.raw?.toLowerCase()).toMatch(/casa.*és/s);
  });

  it('an undecodable image among good ones fails alone (10010), with its own 30300', async () => {
    const garbage = Buffer.from('this is not an image').toString('base64');
    const { http, body } = await predict('/v2/users/clarifai/apps/main/workflows/ocr-translate/results', {
      inputs: [
        { data: { image: { base64: sign } } },
        { id: 'bad', data: { image: { base64: garbage } } },
        { data: { image: { base64: sign } } },
      ],
    });
    expect(http).toBe(200);
    expect(body.status.code).toBe(10010);
    const [good1, bad, good2] = body.results ?? [];
    expect(bad?.status?.code).toBe(30300);
    expect(bad?.input).toEqual({ id: 'bad', data: { image: { base64: 'dHJ1ZQ==' } } });
    expect(bad?.outputs?.map((o) => o.status?.code)).toEqual([30300, 30300, 30300]);
    for (const good of [good1, good2]) {
      expect(good?.status?.code).toBe(10000);
      expect(good?.outputs?.[0]?.data?.text?.raw).toBe('THE HOUSE IS RED\nTHE CAT IS BLACK');
      expect(good?.outputs?.[1]?.data?.text?.raw?.toLowerCase()).toContain('casa');
    }
    expect(good1?.outputs?.[0]?.model?.user_id).toBe('clarifai');
  });

  it('answers 10020 with HTTP 400 when every input failed', async () => {
    const { http, body } = await predict('/v2/workflows/ocr-translate/results', {
      inputs: [{ data: { image: { url: 'ftp://example.test/a.png' } } }],
    });
    expect(http).toBe(400);
    expect(body.status.code).toBe(10020);
    expect(body.results?.[0]?.status?.code).toBe(30106);
  });

  it('reads a truncated image header-first, then fails that input in the OCR node', async () => {
    const truncated = Buffer.from(sign, 'base64').subarray(0, 400).toString('base64');
    const { body } = await predict(
      `/v2/users/local/apps/main/workflows/ocr-translate/versions/${V1}/results`,
      {
        inputs: [{ data: { image: { base64: truncated } } }, { data: { image: { base64: sign } } }],
      },
    );
    expect(body.status.code).toBe(10010);
    expect(body.results?.[0]?.outputs?.map((o) => o.status?.code)).toEqual([30300, 21313]);
    expect(body.results?.[1]?.status?.code).toBe(10000);
  });
});
