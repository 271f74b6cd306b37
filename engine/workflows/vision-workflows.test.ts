/**
 * The built-in vision workflows end to end, through the HTTP app with the real models, on photos
 * cut from images shipped in installed packages (engine/vision/testing/fixtures.ts). One engine
 * (and so one pool of two vision workers) serves the whole file, so each model loads once.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostWorkflowResultsResponse, type Output, type Region } from '../../contract/clarifai';
import { defaultCatalog } from '../models/catalog';
import { createVisionHost } from '../runners/vision/host';
import { jsonRequest, startTestEngine, type TestEngine } from '../test/fixtures';
import { copyWorkflows } from '../test/workflows-copy';
import { faceStrip, flower, manAtTable, pixelAt, STRIP_FACE_COLUMNS } from '../vision/testing/fixtures';

const VERSIONS = {
  'Face-Sentiment': ['8ff9c4cf75bcd7db925be36547347b8f', 'd53cb98b67a293df1344436d57e9ee02'],
  Demographics: ['3cc5cd5a4bf5bb41e9f364bc083bfdee', 'ba2b98e549b4105fa7ed240a2f713746'],
  'General-Detection': ['b5dab259e3ce084c1c3a5f3a7618ad05', '434c5efa7bba6d8a1da2077f6204078d'],
  'Face-Search': ['d8614dd1fa91cf7158c76ef8d1b13797', '05823b6152b9a0d9836979449892b931'],
  'Object-Search': ['77210ded85d3e08803674320b025d54d', 'e0dcbf3ba288fb1d58790baf99de1737'],
  'Person-Segmentation': ['343d0c7187ac2d7823cb59c8700e951d', '8c296347c8eb3ac7d74c844516ed7a2c'],
  Upscale: ['348eaf16cd7cad2257b2dd6375c0fb44', 'b05319dbe3411000b93fa4a87802e096'],
  Moderation: ['5182b89b64d7573c7d54266733f68d1a', 'f19ade50d5a961c709db08b75eab2c49'],
} as const;
type WorkflowId = keyof typeof VERSIONS;

let t: TestEngine;
let removeCopy: () => Promise<void>;
/** Five faces side by side (800x170): a man, then four women; the second woman smiles. */
let strip: string;
/** The man from the strip on his own, cut with a different frame. */
let manAlone: string;
/** A man at a restaurant table (215x158): a person, a cup, a bowl. */
let table: string;
/** A flower, 128x128 PNG. */
let hibiscus: string;

beforeAll(async () => {
  const copy = await copyWorkflows();
  removeCopy = copy.remove;
  // A workflow whose node carries an impossible parameter.
  await mkdir(path.join(copy.dir, 'Bad-Params'));
  await writeFile(
    path.join(copy.dir, 'Bad-Params', '0123456789abcdef0123456789abcdef.yaml'),
    [
      'workflow:',
      '  id: Bad-Params',
      '  version: { id: 0123456789abcdef0123456789abcdef, created_at: "2025-01-01T00:00:00Z" }',
      '  nodes:',
      '    - id: detect',
      '      model: { model_id: face-detection, output_info: { params: { min_value: 2 } } }',
    ].join('\n'),
  );
  const catalog = defaultCatalog({ visionHost: createVisionHost({ workers: 2 }) });
  t = await startTestEngine({ dir: copy.dir, catalog });
  const stripBytes = await faceStrip();
  [strip, manAlone, table, hibiscus] = await Promise.all([
    stripBytes.toString('base64'),
    sharp(stripBytes)
      .extract({ left: 0, top: 5, width: 170, height: 165 })
      .jpeg({ quality: 95 })
      .toBuffer()
      .then((b) => b.toString('base64')),
    manAtTable().then((b) => b.toString('base64')),
    flower().then((b) => b.toString('base64')),
  ]);
});

afterAll(async () => {
  await t.close();
  await removeCopy();
});

async function predict(workflow: WorkflowId | 'Bad-Params', images: string[], version?: 0 | 1) {
  const pinned = version === undefined || workflow === 'Bad-Params' ? '' : `/versions/${VERSIONS[workflow][version]}`;
  const response = await t.app.request(
    `/v2/users/local/apps/main/workflows/${workflow}${pinned}/results`,
    jsonRequest('POST', { inputs: images.map((base64) => ({ data: { image: { base64 } } })) }),
  );
  const body = PostWorkflowResultsResponse.parse(await response.json());
  return { http: response.status, body };
}

/** The outputs of the first input, after checking the request and that input succeeded. */
async function outputsOf(workflow: WorkflowId, image: string, version?: 0 | 1): Promise<Output[]> {
  const { http, body } = await predict(workflow, [image], version);
  expect(http).toBe(200);
  expect(body.status.code, JSON.stringify(body.results?.[0]?.outputs?.map((o) => o.status))).toBe(10000);
  if (version !== undefined) expect(body.workflow?.version?.id).toBe(VERSIONS[workflow][version]);
  const outputs = body.results?.[0]?.outputs ?? [];
  for (const output of outputs) {
    expect(output.status?.code).toBe(10000);
    expect(output.status?.time_ms).toBeGreaterThanOrEqual(0);
  }
  return outputs;
}

const modelIds = (outputs: readonly Output[]) => outputs.map((output) => output.model?.id);
const regionsOf = (output: Output | undefined): Region[] => output?.data?.regions ?? [];
const boxOf = (region: Region | undefined) => region?.region_info?.bounding_box ?? {};
const centreX = (region: Region) => ((boxOf(region).left_col ?? 0) + (boxOf(region).right_col ?? 0)) / 2;

async function decoded(base64: string | undefined) {
  return sharp(Buffer.from(base64 ?? '', 'base64')).metadata();
}

describe('Face-Sentiment', () => {
  it('v1: faces boxed, crops 10% larger with their JPEG, seven emotions inside each crop region', async () => {
    const outputs = await outputsOf('Face-Sentiment', strip, 0);
    const [faces, crops, sentiment] = outputs;
    expect(modelIds(outputs)).toEqual([
      'face-detection',
      'margin-110-image-crop',
      'face-sentiment-recognition',
    ]);
    expect(faces?.model?.model_type_id).toBe('visual-detector');
    expect(crops?.model?.model_type_id).toBe('image-crop');
    expect(sentiment?.model?.model_type_id).toBe('visual-classifier');

    const found = regionsOf(faces);
    expect(found).toHaveLength(5);
    for (const [from, to] of STRIP_FACE_COLUMNS) {
      expect(found.filter((r) => centreX(r) > from && centreX(r) < to), `a face in ${from}..${to}`).toHaveLength(1);
    }
    for (const face of found) {
      expect(face.id).toMatch(/^[0-9a-f]{32}$/);
      expect(face.value).toBeGreaterThan(0.5);
      expect(face.data?.concepts).toEqual([{ id: 'face', name: 'face', value: face.value }]);
    }

    const cut = regionsOf(crops);
    expect(cut).toHaveLength(5);
    for (const [i, crop] of cut.entries()) {
      const face = found[i];
      // A new region (Clarifai gives crops their own ids), grown around the same face.
      expect(crop.id).not.toBe(face?.id);
      const [f, c] = [boxOf(face), boxOf(crop)];
      expect(c.left_col).toBeLessThan(f.left_col ?? 0);
      expect(c.right_col).toBeGreaterThan(f.right_col ?? 1);
      expect((c.right_col ?? 0) - (c.left_col ?? 0)).toBeCloseTo(((f.right_col ?? 0) - (f.left_col ?? 0)) * 1.1, 2);
      const image = crop.data?.image;
      expect(image?.image_info?.format).toBe('JPEG');
      const meta = await decoded(image?.base64);
      expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', image?.image_info?.width, image?.image_info?.height]);
    }

    const read = regionsOf(sentiment);
    expect(read.map((r) => [r.id, r.region_info])).toEqual(cut.map((r) => [r.id, r.region_info]));
    expect(sentiment?.data?.concepts).toBeUndefined();
    for (const region of read) {
      expect(region.data?.image).toBeUndefined();
      expect(region.data?.concepts?.map((c) => c.id).sort()).toEqual(
        ['anger', 'disgust', 'fear', 'happiness', 'neutral', 'sadness-contempt', 'surprise'],
      );
    }
    const smiling = read.find((r) => centreX(r) > 0.206 && centreX(r) < 0.39);
    expect(smiling?.data?.concepts?.[0]).toMatchObject({ id: 'happiness', name: 'happiness' });
  });

  it('v2 (latest): crops tight to the face box, three emotions per face', async () => {
    const outputs = await outputsOf('Face-Sentiment', strip);
    const [faces, crops, sentiment] = outputs;
    expect(modelIds(outputs)).toEqual(['face-detection', 'margin-100-image-crop', 'face-sentiment-recognition']);
    const found = regionsOf(faces);
    const cut = regionsOf(crops);
    expect(cut).toHaveLength(found.length);
    cut.forEach((crop, i) => {
      // Snapped to whole pixels: within a pixel of the face box.
      const [f, c] = [boxOf(found[i]), boxOf(crop)];
      expect(Math.abs((c.left_col ?? 0) - (f.left_col ?? 0))).toBeLessThanOrEqual(1 / 800);
      expect(Math.abs((c.bottom_row ?? 0) - (f.bottom_row ?? 0))).toBeLessThanOrEqual(1 / 170);
    });
    for (const region of regionsOf(sentiment)) expect(region.data?.concepts).toHaveLength(3);
  });
});

describe('Demographics', () => {
  it('v1: age, gender and emotion side by side, each inside the same crop regions', async () => {
    const outputs = await outputsOf('Demographics', strip, 0);
    expect(modelIds(outputs)).toEqual([
      'face-detection',
      'margin-110-image-crop',
      'age-demographics-recognition',
      'gender-demographics-recognition',
      'face-sentiment-recognition',
    ]);
    const [, crops, age, gender, emotion] = outputs;
    const cropIds = regionsOf(crops).map((r) => r.id);
    expect(cropIds).toHaveLength(5);
    for (const output of [age, gender, emotion]) expect(regionsOf(output).map((r) => r.id)).toEqual(cropIds);
    for (const region of regionsOf(age)) expect(region.data?.concepts).toHaveLength(9);
    const genders = regionsOf(gender).map((r) => r.data?.concepts?.[0]?.id);
    expect(genders.sort()).toEqual(['feminine', 'feminine', 'feminine', 'feminine', 'masculine']);
  });

  it('v2 (latest): no emotion branch, age ranges under 10% left out', async () => {
    const outputs = await outputsOf('Demographics', strip);
    expect(modelIds(outputs)).toEqual([
      'face-detection',
      'margin-110-image-crop',
      'age-demographics-recognition',
      'gender-demographics-recognition',
    ]);
    for (const region of regionsOf(outputs[2])) {
      const concepts = region.data?.concepts ?? [];
      expect(concepts.length).toBeGreaterThan(0);
      expect(concepts.length).toBeLessThan(9);
      for (const concept of concepts) expect(concept.value).toBeGreaterThanOrEqual(0.1);
    }
  });
});

describe('General-Detection', () => {
  it('v1 keeps objects at 0.5 or more; v2 (0.25) finds at least those, plus less certain ones', async () => {
    const [v1] = await outputsOf('General-Detection', table, 0);
    const [v2] = await outputsOf('General-Detection', table, 1);
    expect(v1?.model).toMatchObject({ id: 'general-object-detection', model_type_id: 'visual-detector' });
    const strict = regionsOf(v1);
    const loose = regionsOf(v2);
    expect(strict.map((r) => r.data?.concepts?.[0]?.id)).toContain('person');
    for (const region of strict) {
      expect(region.value).toBeGreaterThanOrEqual(0.5);
      expect(region.data?.concepts?.[0]).toMatchObject({ name: expect.any(String), value: region.value });
    }
    expect(loose.length).toBeGreaterThanOrEqual(strict.length);
    // Same model, same image: v2's boxes at 0.5 or more are v1's boxes.
    const confident = loose.filter((r) => (r.value ?? 0) >= 0.5);
    expect(confident.map((r) => r.region_info)).toEqual(strict.map((r) => r.region_info));
    for (const region of loose) expect(region.value).toBeGreaterThanOrEqual(0.25);
  });
});

describe('Face-Search', () => {
  const clusterIds = (output: Output | undefined) => regionsOf(output).map((r) => r.data?.clusters?.[0]?.id);

  it('v1: an embedding and a cluster per face; five people, five clusters; the same face keeps its id', async () => {
    const outputs = await outputsOf('Face-Search', strip, 0);
    expect(modelIds(outputs)).toEqual([
      'face-detection',
      'margin-100-image-crop',
      'face-identification-transfer-learn',
      'face-clustering',
    ]);
    const [, crops, embed, clusters] = outputs;
    expect(embed?.model?.model_type_id).toBe('visual-embedder');
    expect(clusters?.model?.model_type_id).toBe('clusterer');
    expect(regionsOf(embed).map((r) => r.id)).toEqual(regionsOf(crops).map((r) => r.id));
    for (const region of regionsOf(embed)) {
      expect(region.data?.embeddings?.[0]?.num_dimensions).toBe(1024);
      expect(region.data?.embeddings?.[0]?.vector).toHaveLength(1024);
    }
    expect(regionsOf(clusters).map((r) => r.id)).toEqual(regionsOf(embed).map((r) => r.id));
    for (const region of regionsOf(clusters)) {
      expect(region.data?.clusters).toEqual([{ id: expect.stringMatching(/^[0-9a-f]{8}/), projection: [expect.any(Number), expect.any(Number)] }]);
    }
    const ids = clusterIds(clusters);
    expect(new Set(ids).size).toBe(5);

    // Again: the same clusters, in the same order.
    const again = await outputsOf('Face-Search', strip, 0);
    expect(clusterIds(again[3])).toEqual(ids);

    // The man alone, from a differently framed cut of the photo: his own cluster again.
    const [, , , alone] = await outputsOf('Face-Search', manAlone, 0);
    const man = regionsOf(clusters).find((r) => centreX(r) < 0.195);
    expect(clusterIds(alone)).toEqual([man?.data?.clusters?.[0]?.id]);
    // A different crop of the same face: another point on the plot, near his.
    expect(regionsOf(alone)[0]?.data?.clusters?.[0]?.projection).not.toEqual(man?.data?.clusters?.[0]?.projection);
  });

  it('v2 (latest): crops hidden, looser clusters: look-alike faces share one', async () => {
    const outputs = await outputsOf('Face-Search', strip);
    expect(modelIds(outputs)).toEqual(['face-detection', 'face-identification-transfer-learn', 'face-clustering']);
    const ids = clusterIds(outputs[2]);
    expect(ids).toHaveLength(5);
    expect(new Set(ids).size).toBeLessThan(5);
  });
});

describe('Object-Search', () => {
  it('v1: a 1280-d embedding inside each object crop; v2 adds a cluster per object', async () => {
    const v1 = await outputsOf('Object-Search', table, 0);
    expect(modelIds(v1)).toEqual(['general-object-detection', 'margin-110-image-crop', 'general-image-embedding']);
    const [objects, crops, embed] = v1;
    expect(regionsOf(objects).length).toBeGreaterThan(0);
    expect(regionsOf(crops)).toHaveLength(regionsOf(objects).length);
    expect(regionsOf(embed).map((r) => r.id)).toEqual(regionsOf(crops).map((r) => r.id));
    for (const region of regionsOf(embed)) expect(region.data?.embeddings?.[0]?.vector).toHaveLength(1280);

    const v2 = await outputsOf('Object-Search', table);
    expect(modelIds(v2)).toEqual([
      'general-object-detection',
      'margin-110-image-crop',
      'general-image-embedding',
      'general-clustering',
    ]);
    expect(regionsOf(v2[0]).length).toBeGreaterThanOrEqual(regionsOf(objects).length);
    expect(regionsOf(v2[3]).map((r) => r.id)).toEqual(regionsOf(v2[2]).map((r) => r.id));
    for (const region of regionsOf(v2[3])) expect(region.data?.clusters?.[0]?.projection).toHaveLength(2);
  });
});

describe('Person-Segmentation', () => {
  it('v1: one person region whose PNG mask is the size of the input', async () => {
    const [segment, ...rest] = await outputsOf('Person-Segmentation', table, 0);
    expect(rest).toEqual([]);
    expect(segment?.model?.model_type_id).toBe('visual-segmenter');
    const [person, ...others] = regionsOf(segment);
    expect(others).toEqual([]);
    expect(person?.data?.concepts).toEqual([{ id: 'person', name: 'person', value: expect.any(Number) }]);
    const mask = person?.region_info?.mask?.image;
    const meta = await decoded(mask?.base64);
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 215, 158]);
    expect(mask?.image_info).toEqual({ width: 215, height: 158, format: 'PNG' });
    const png = Buffer.from(mask?.base64 ?? '', 'base64');
    expect(await pixelAt(png, 0.57, 0.25)).toBe(255); // his face
    expect(await pixelAt(png, 0.05, 0.1)).toBe(0); // the dark corner
  });

  it('v2 (latest): a wider person mask and the background as a second, inverted region', async () => {
    const [v1] = await outputsOf('Person-Segmentation', table, 0);
    const [v2] = await outputsOf('Person-Segmentation', table);
    const [person, background] = regionsOf(v2);
    expect([person, background].map((r) => r?.data?.concepts?.[0]?.id)).toEqual(['person', 'background']);
    const share = (region: Region | undefined) => region?.data?.concepts?.[0]?.value ?? 0;
    expect(share(person)).toBeGreaterThanOrEqual(share(regionsOf(v1)[0]));
    expect(share(person) + share(background)).toBeCloseTo(1, 5);
    const mask = (region: Region | undefined) => Buffer.from(region?.region_info?.mask?.image?.base64 ?? '', 'base64');
    for (const [x, y] of [
      [0.57, 0.25],
      [0.05, 0.1],
    ] as const) {
      expect((await pixelAt(mask(person), x, y)) + (await pixelAt(mask(background), x, y))).toBe(255);
    }
  });
});

describe('Upscale', () => {
  it('v1 doubles the image, v2 (latest) quadruples it, as PNG', async () => {
    for (const [version, size] of [
      [0, 256],
      [1, 512],
    ] as const) {
      const [upscale] = await outputsOf('Upscale', hibiscus, version);
      expect(upscale?.model).toMatchObject({
        id: version === 0 ? 'image-upscale-2x' : 'image-upscale-4x',
        model_type_id: 'image-to-image',
      });
      const image = upscale?.data?.image;
      expect(image?.image_info).toEqual({ width: size, height: size, format: 'PNG' });
      const meta = await decoded(image?.base64);
      expect([meta.format, meta.width, meta.height]).toEqual(['png', size, size]);
    }
  });
});

describe('Moderation', () => {
  it('v1: five classes and a 1280-d embedding at the top level, side by side', async () => {
    const outputs = await outputsOf('Moderation', table, 0);
    const [moderate, embed] = outputs;
    expect(modelIds(outputs)).toEqual(['moderation-recognition', 'general-image-embedding']);
    expect(moderate?.data?.concepts?.map((c) => c.id).sort()).toEqual(['drawing', 'hentai', 'neutral', 'porn', 'sexy']);
    expect(moderate?.data?.concepts?.[0]?.id).toBe('neutral');
    expect(embed?.data?.embeddings?.[0]).toMatchObject({ num_dimensions: 1280 });
  });

  it('v2 (latest): the two likeliest classes; a cluster per image, shared by the same image', async () => {
    const { body } = await predict('Moderation', [table, hibiscus, table]);
    expect(body.status.code).toBe(10000);
    const [first, flowerResult, second] = body.results ?? [];
    expect(modelIds(first?.outputs ?? [])).toEqual(['moderation-recognition', 'general-image-embedding', 'general-clustering']);
    expect(first?.outputs?.[0]?.data?.concepts).toHaveLength(2);
    const cluster = (result: typeof first) => result?.outputs?.[2]?.data?.clusters?.[0];
    expect(cluster(first)).toEqual({ id: expect.any(String), projection: [expect.any(Number), expect.any(Number)] });
    expect(cluster(second)).toEqual(cluster(first));
    expect(cluster(flowerResult)?.id).not.toBe(cluster(first)?.id);
  });
});

describe('failures stay with their own outputs', () => {
  it('a broken image among good ones fails only its own outputs', async () => {
    const jpeg = Buffer.from(strip, 'base64');
    // The header still reads (so the input is accepted), the pixels do not.
    const broken = Buffer.concat([jpeg.subarray(0, 700), Buffer.alloc(300)]).toString('base64');
    const { http, body } = await predict('Face-Sentiment', [strip, broken, table], 0);
    expect(http).toBe(200);
    expect(body.status.code).toBe(10010);
    const [good, bad, other] = body.results ?? [];
    expect(good?.status?.code).toBe(10000);
    expect(regionsOf(good?.outputs?.[2])).toHaveLength(5);
    expect(other?.status?.code).toBe(10000);
    expect(bad?.status?.code).toBe(10020);
    expect(bad?.outputs?.map((o) => o.status?.code)).toEqual([30300, 21313, 21313]);
    expect(bad?.outputs?.[0]?.status?.details).toMatch(/^face-detection: /);
    expect(bad?.outputs?.[1]?.status?.details).toBe('not run: its input node "face-det" failed');
  });

  it('a text input fails with 30104; an impossible parameter fails the node with 21313 naming it', async () => {
    const response = await t.app.request(
      '/v2/workflows/General-Detection/results',
      jsonRequest('POST', { inputs: [{ data: { text: { raw: 'a cat on a mat' } } }] }),
    );
    const text = PostWorkflowResultsResponse.parse(await response.json());
    expect(text.results?.[0]?.outputs?.[0]?.status).toMatchObject({
      code: 30104,
      details: 'general-object-detection needs an image input',
    });

    const { body } = await predict('Bad-Params', [table]);
    expect(body.results?.[0]?.outputs?.[0]?.status).toMatchObject({
      code: 21313,
      details: expect.stringMatching(/^invalid params for face-detection: min_value: /),
    });
  });
});
