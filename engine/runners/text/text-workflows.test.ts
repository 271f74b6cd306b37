/**
 * The text workflows end to end, through the HTTP app with the real models: VADER, fastText
 * lid.176, the 100-d word vectors (loaded once for this file, on the first Language-Understanding
 * request), the extractive summary, and tesseract for the multimodal workflow.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostWorkflowResultsResponse, type Input, type Output } from '../../../contract/clarifai';
import { defaultCatalog } from '../../models/catalog';
import { jsonRequest, renderTextPng, startTestEngine, type TestEngine } from '../../test/fixtures';

const VERSIONS = {
  'text-classifier': ['b7860d88d185bcdccdec0646c4ee3263', '322a46021544abd0c1fc44dd0f78d590'],
  'Language-Understanding': ['d220141d12a18fde26940b92973e7dda', 'dc267741b29519c282bce47118e895bc'],
  summarization: ['db18fcb12fc6085849a7bf52c0ac5bfa', 'e0ce396a22b16d96bdde95282dfff4b2'],
  multimodal: ['65c6029cd29a1022bc481f077696fcd6', 'f8a73205506e0fb6f93d1daa3098e8c0'],
} as const;
type WorkflowId = keyof typeof VERSIONS;

const TEXT_URL = 'https://texts.example/football.txt';
const COOKING = 'Chop the garlic, fry it in olive oil and stir in the tomato sauce before adding the pasta.';
const BAKING = 'Bake the bread in a hot oven until the crust is golden, then let it cool on a rack.';
const FOOTBALL = 'The striker scored twice and the team won the football match in the final minutes.';
const ARTICLE = [
  'Pollution is the act of using harmful substances to dirty the air and water around us.',
  'My cousin likes tea.',
  'Air pollution from factories and cars harms the water, the air and the health of people in cities.',
  'The weather was nice on Sunday.',
  'Cities can cut pollution of air and water with cleaner factories, cleaner cars and better laws.',
  'Some people walk to work.',
].join(' ');

let t: TestEngine;

beforeAll(async () => {
  t = await startTestEngine({
    // No LLM endpoint, whatever this machine's environment says.
    catalog: defaultCatalog({ generative: null }),
    fetch: async (url) =>
      String(url) === TEXT_URL ? new Response(`${FOOTBALL}\n`) : new Response('not found', { status: 404 }),
  });
});
afterAll(() => t.close());

async function predict(workflow: WorkflowId, inputs: Input[], version: 0 | 1) {
  const response = await t.app.request(
    `/v2/users/local/apps/main/workflows/${workflow}/versions/${VERSIONS[workflow][version]}/results`,
    jsonRequest('POST', { inputs }),
  );
  const body = PostWorkflowResultsResponse.parse(await response.json());
  expect(response.status).toBe(200);
  expect(body.status.code, JSON.stringify(body.results?.map((r) => r.outputs?.map((o) => o.status)))).toBe(
    10000,
  );
  for (const output of (body.results ?? []).flatMap((r) => r.outputs ?? [])) {
    expect(output.status?.time_ms).toBeGreaterThanOrEqual(0);
  }
  return (body.results ?? []).map((result) => result.outputs ?? []);
}

const text = (raw: string): Input => ({ data: { text: { raw } } });
const conceptIds = (output: Output | undefined) => output?.data?.concepts?.map((c) => c.id);
const clusterId = (outputs: readonly Output[] | undefined) =>
  outputs?.find((o) => o.model?.model_type_id === 'clusterer')?.data?.clusters?.[0]?.id;

describe('text-classifier', () => {
  it('v1: VADER sentiment, three concepts sorted by value', async () => {
    const [loving, hateful] = await predict(
      'text-classifier',
      [text('I love this wonderful day'), text('I hate you, you are a horrible and disgusting person')],
      0,
    );
    expect(loving?.map((o) => o.model?.id)).toEqual(['sentiment-analysis-vader']);
    expect(loving?.[0]?.model?.model_type_id).toBe('text-classifier');
    const concepts = loving?.[0]?.data?.concepts ?? [];
    expect(concepts.map((c) => c.id)).toEqual(['positive', 'neutral', 'negative']);
    expect(concepts[0]).toMatchObject({ name: 'positive', value: expect.any(Number) });
    expect(concepts[0]?.value).toBeGreaterThan(0.6);
    expect(conceptIds(hateful?.[0])?.[0]).toBe('negative');
  });

  it('v2: adds the language, fastText codes with English names, top three', async () => {
    const [spanish, english] = await predict(
      'text-classifier',
      [text('El gato duerme en la casa y la comida está muy rica.'), { data: { text: { url: TEXT_URL } } }],
      1,
    );
    expect(spanish?.map((o) => o.model?.id)).toEqual(['sentiment-analysis-vader', 'language-id-fasttext']);
    const languages = spanish?.[1]?.data?.concepts ?? [];
    expect(languages).toHaveLength(3);
    expect(languages[0]).toMatchObject({ id: 'es', name: 'Spanish' });
    expect(languages[0]?.value).toBeGreaterThan(0.5);
    // Text by URL, fetched by the engine.
    expect(english?.[1]?.data?.concepts?.[0]).toMatchObject({ id: 'en', name: 'English' });
  });
});

describe('Language-Understanding', () => {
  it('v1: a 100-d embedding, then clusters: topics apart, the same text the same id', async () => {
    const started = performance.now();
    const first = await predict('Language-Understanding', [text(COOKING), text(FOOTBALL), text(BAKING)], 0);
    const firstMs = performance.now() - started;
    const [cooking, football, baking] = first;
    expect(cooking?.map((o) => o.model?.model_type_id)).toEqual(['text-embedder', 'clusterer']);
    const embedding = cooking?.[0]?.data?.embeddings?.[0];
    expect(embedding?.num_dimensions).toBe(100);
    expect(embedding?.vector).toHaveLength(100);
    expect(Math.hypot(...(embedding?.vector ?? []))).toBeCloseTo(1, 5);
    expect(cooking?.[1]?.data?.clusters?.[0]?.projection).toHaveLength(2);

    expect(clusterId(cooking)).not.toBe(clusterId(football));
    expect(clusterId(baking)).toBe(clusterId(cooking));

    const again = performance.now();
    const [footballAgain, cookingAgain] = await predict(
      'Language-Understanding',
      [text(FOOTBALL), text(COOKING)],
      0,
    );
    const againMs = performance.now() - again;
    expect(clusterId(footballAgain)).toBe(clusterId(football));
    expect(clusterId(cookingAgain)).toBe(clusterId(cooking));
    expect(footballAgain?.[0]?.data?.embeddings?.[0]?.vector).toEqual(
      football?.[0]?.data?.embeddings?.[0]?.vector,
    );
    // The vectors load once: the second request does not wait for them again.
    expect(againMs).toBeLessThan(Math.max(500, firstMs / 2));
  });

  it('v1: text without a known word answers 30104 for that input only', async () => {
    const response = await t.app.request(
      `/v2/users/local/apps/main/workflows/Language-Understanding/versions/${VERSIONS['Language-Understanding'][0]}/results`,
      jsonRequest('POST', { inputs: [text('qwxzzv blorptang'), text(FOOTBALL)] }),
    );
    const body = PostWorkflowResultsResponse.parse(await response.json());
    expect(body.status.code).toBe(10010);
    const [unknown, known] = body.results ?? [];
    expect(unknown?.outputs?.[0]?.status).toMatchObject({
      code: 30104,
      details: expect.stringMatching(/vocabulary/),
    });
    expect(known?.status?.code).toBe(10000);
  });

  it('v2: the embedding hidden, a broader cluster and the language beside it', async () => {
    const [[cluster, language] = []] = await predict('Language-Understanding', [text(COOKING)], 1);
    expect(cluster?.model?.id).toBe('text-clustering');
    expect(cluster?.data?.clusters?.[0]?.id).toMatch(/^[0-9a-f]{8}/);
    expect(language?.data?.concepts).toEqual([expect.objectContaining({ id: 'en', name: 'English' })]);
  });
});

describe('summarization', () => {
  it('v1 keeps three sentences of the text, v2 one, word for word and in order', async () => {
    const [[three] = []] = await predict('summarization', [text(ARTICLE)], 0);
    const [[one] = []] = await predict('summarization', [text(ARTICLE)], 1);
    expect(three?.model).toMatchObject({
      id: 'text-summarization-extractive',
      model_type_id: 'text-to-text',
    });
    const sentences = (raw: string | undefined) => (raw ?? '').split(/(?<=[.!?]) /);
    const threeText = three?.data?.text?.raw;
    expect(sentences(threeText)).toHaveLength(3);
    expect(sentences(one?.data?.text?.raw)).toHaveLength(1);
    expect(threeText?.length).toBeLessThan(ARTICLE.length);
    let from = 0;
    for (const sentence of sentences(threeText)) {
      const at = ARTICLE.indexOf(sentence, from);
      expect(at, sentence).toBeGreaterThanOrEqual(from);
      from = at + sentence.length;
    }
    expect(threeText).toContain(one?.data?.text?.raw);
  });

  it('the model says it is extractive', async () => {
    const response = await t.app.request('/v2/models/text-summarization-extractive');
    const body: unknown = await response.json();
    expect(JSON.stringify(body)).toMatch(/Extractive summary/);
    expect(JSON.stringify(body)).toMatch(/extractive summary/);
  });
});

describe('multimodal', () => {
  it('one input with an image and a caption: OCR reads the image, sentiment the caption, in one call', async () => {
    const image = (await renderTextPng(['WHAT A HORRIBLE', 'AND SAD DAY'])).toString('base64');
    const input: Input = {
      id: 'post',
      data: { image: { base64: image }, text: { raw: 'I love this wonderful day' } },
    };
    const [[ocr, caption] = []] = await predict('multimodal', [input], 0);
    expect(ocr?.model?.id).toBe('ocr-tesseract-english');
    expect(ocr?.data?.text?.raw).toBe('WHAT A HORRIBLE\nAND SAD DAY');
    expect(conceptIds(caption)?.[0]).toBe('positive');

    const [[, captionAgain, imageText] = []] = await predict('multimodal', [input], 1);
    expect(conceptIds(captionAgain)?.[0]).toBe('positive');
    expect(imageText?.model?.id).toBe('sentiment-analysis-vader');
    expect(conceptIds(imageText)?.[0]).toBe('negative');
  });

  it('an image without a caption: the text node says what to send', async () => {
    const image = (await renderTextPng(['HELLO'])).toString('base64');
    const response = await t.app.request(
      `/v2/users/local/apps/main/workflows/multimodal/versions/${VERSIONS.multimodal[0]}/results`,
      jsonRequest('POST', { inputs: [{ data: { image: { base64: image } } }] }),
    );
    const body = PostWorkflowResultsResponse.parse(await response.json());
    expect(body.status.code).toBe(10010);
    const [ocr, caption] = body.results?.[0]?.outputs ?? [];
    expect(ocr?.status?.code).toBe(10000);
    expect(caption?.status).toMatchObject({
      code: 30104,
      details: expect.stringMatching(/image but no text; send data.text.raw/),
    });
  });
});
