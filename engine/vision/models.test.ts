/**
 * Every model on real photos (cut from images shipped in installed packages, see
 * testing/fixtures.ts). One vision instance for the file, so each model loads once per worker.
 */
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVision, VisionError, type Vision } from './index';
import { cosineSimilarity } from './models/cluster';
import { cropRegions } from './models/crop';
import { STRIP_FACE_COLUMNS, faceStrip, flower, manAtTable, manPortrait, pixelAt } from './testing/fixtures';

let vision: Vision;
let strip: Buffer;
let portrait: Buffer;
let table: Buffer;
let hibiscus: Buffer;

beforeAll(async () => {
  vision = createVision({ workers: 2 });
  [strip, portrait, table, hibiscus] = await Promise.all([faceStrip(), manPortrait(), manAtTable(), flower()]);
});

afterAll(async () => {
  await vision.close();
});

async function faceCrop(image: Buffer): Promise<Buffer> {
  const { faces } = await vision.detectFaces(image);
  const { crops } = await cropRegions(image, faces.slice(0, 1).map((f) => f.box), { margin: 1.1 });
  const crop = crops[0];
  if (!crop) throw new Error('no face found to crop');
  return crop.image;
}

describe('face detection', () => {
  it('finds each of five faces in a wide strip, one per photo', async () => {
    const result = await vision.detectFaces(strip);
    expect([result.width, result.height]).toEqual([800, 170]);
    expect(result.faces).toHaveLength(5);
    expect(result.timeMs).toBeGreaterThan(0);
    const centres = result.faces.map((f) => (f.box.left_col + f.box.right_col) / 2);
    for (const [from, to] of STRIP_FACE_COLUMNS) {
      expect(centres.filter((x) => x > from && x < to), `one face in ${from}..${to}`).toHaveLength(1);
    }
    for (const face of result.faces) {
      expect(face.score).toBeGreaterThan(0.7);
      expect(face.box.bottom_row - face.box.top_row).toBeGreaterThan(0.4); // Faces fill the strip's height.
    }
    // Sorted by score.
    expect(result.faces.map((f) => f.score)).toEqual([...result.faces.map((f) => f.score)].sort((a, b) => b - a));
  });

  it('finds the face in a portrait and none in a flower', async () => {
    const { faces } = await vision.detectFaces(portrait);
    expect(faces).toHaveLength(1);
    const box = faces[0]?.box;
    expect(box && (box.left_col + box.right_col) / 2).toBeCloseTo(0.5, 1);
    expect((await vision.detectFaces(hibiscus)).faces).toEqual([]);
  });
});

describe('face attributes', () => {
  it('reads a man in his forties: masculine, an age bucket, 7 emotions, a 1024-d descriptor', async () => {
    const attributes = await vision.faceAttributes(await faceCrop(portrait));
    expect(attributes.gender?.[0]).toMatchObject({ id: 'masculine' });
    expect(attributes.gender?.[0]?.value).toBeGreaterThan(0.9);
    expect(attributes.age).toHaveLength(9);
    expect(attributes.age?.reduce((s, c) => s + c.value, 0)).toBeCloseTo(1, 3);
    expect(attributes.age?.[0]?.id).toMatch(/^age-(30-39|40-49|50-59)$/);
    expect(attributes.ageYears).toBeGreaterThan(30);
    expect(attributes.ageYears).toBeLessThan(60);
    expect(attributes.emotion?.map((c) => c.id).sort()).toEqual(['anger', 'disgust', 'fear', 'happiness', 'neutral', 'sadness-contempt', 'surprise']);
    const values = attributes.emotion?.map((c) => c.value) ?? [];
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(attributes.embedding).toHaveLength(1024);
  });

  it('sees a broad smile as happiness and a woman as feminine', async () => {
    const { faces } = await vision.detectFaces(strip);
    const second = faces.find((f) => {
      const x = (f.box.left_col + f.box.right_col) / 2;
      return x > 0.206 && x < 0.39;
    });
    if (!second) throw new Error('second face not found');
    const { crops } = await cropRegions(strip, [second.box]);
    const attributes = await vision.faceAttributes(crops[0]?.image ?? Buffer.alloc(0), ['emotion', 'gender']);
    expect(attributes.emotion?.[0]).toMatchObject({ id: 'happiness' });
    expect(attributes.emotion?.[0]?.value).toBeGreaterThan(0.8);
    expect(attributes.gender?.[0]).toMatchObject({ id: 'feminine' });
    // Only what was asked for.
    expect(attributes.age).toBeUndefined();
    expect(attributes.embedding).toBeUndefined();
  });

  it('matches a face to its mirror image better than to another person', async () => {
    const crop = await faceCrop(portrait);
    const mirrored = await sharp(crop).flop().jpeg().toBuffer();
    const { faces } = await vision.detectFaces(strip);
    const { crops } = await cropRegions(strip, faces.map((f) => f.box));
    const [self, mirror, ...others] = await Promise.all(
      [crop, mirrored, ...crops.map((c) => c.image)].map((image) => vision.faceAttributes(image, ['embedding'])),
    );
    const vector = (a: { embedding?: number[] } | undefined) => a?.embedding ?? [];
    const toMirror = cosineSimilarity(vector(self), vector(mirror));
    expect(toMirror).toBeGreaterThan(0.85);
    const toOthers = others.map((o) => cosineSimilarity(vector(self), vector(o)));
    expect(Math.max(...toOthers)).toBeLessThan(toMirror - 0.15);
  });
});

describe('object detection', () => {
  it('finds the person at the table', async () => {
    const result = await vision.detectObjects(table);
    expect([result.width, result.height]).toEqual([215, 158]);
    const person = result.objects.find((o) => o.concept.id === 'person');
    expect(person?.score).toBeGreaterThan(0.5);
    const box = person?.box;
    // The man sits in the middle of the photo.
    expect(box && (box.left_col + box.right_col) / 2).toBeGreaterThan(0.35);
    expect(box && (box.left_col + box.right_col) / 2).toBeLessThan(0.75);
    expect(person?.concept).toEqual({ id: 'person', name: 'person', value: person?.score });
  });

  it('finds no person in a flower', async () => {
    const { objects } = await vision.detectObjects(hibiscus);
    expect(objects.filter((o) => o.concept.id === 'person')).toEqual([]);
  });
});

describe('image embedding and moderation', () => {
  it('embeds near-duplicates close together and different images apart', async () => {
    const resized = await sharp(table).resize(180).jpeg({ quality: 80 }).toBuffer();
    const [a, b, c] = await Promise.all([vision.embedImage(table), vision.embedImage(resized), vision.embedImage(hibiscus)]);
    expect(a.vector).toHaveLength(1280);
    const near = cosineSimilarity(a.vector, b.vector);
    const far = cosineSimilarity(a.vector, c.vector);
    expect(near).toBeGreaterThan(0.9);
    expect(far).toBeLessThan(0.8);
    expect(near - far).toBeGreaterThan(0.15);
  });

  it('rates a restaurant photo and a flower as neutral, five classes sorted', async () => {
    for (const image of [table, hibiscus]) {
      const { concepts } = await vision.moderate(image);
      expect(concepts.map((c) => c.id).sort()).toEqual(['drawing', 'hentai', 'neutral', 'porn', 'sexy']);
      expect(concepts[0]).toMatchObject({ id: 'neutral', name: 'Neutral' });
      expect(concepts[0]?.value).toBeGreaterThan(0.9);
    }
  });
});

describe('person segmentation', () => {
  it('returns a one-channel mask the size of the input, person where the man is', async () => {
    const result = await vision.segmentPerson(table);
    expect([result.width, result.height]).toEqual([215, 158]);
    const meta = await sharp(result.mask).metadata();
    expect([meta.format, meta.width, meta.height, meta.channels]).toEqual(['png', 215, 158, 1]);
    expect(result.personShare).toBeGreaterThan(0.2);
    expect(result.personShare).toBeLessThan(0.8);
    expect(await pixelAt(result.mask, 0.57, 0.25)).toBe(255); // his face
    expect(await pixelAt(result.mask, 0.6, 0.55)).toBe(255); // his shirt
    expect(await pixelAt(result.mask, 0.05, 0.1)).toBe(0); // dark background, top left
    expect(await pixelAt(result.mask, 0.95, 0.1)).toBe(0); // top right
  });

  it('keeps the size of a large, non-square input', async () => {
    const big = await sharp(table).resize(1000, 500, { fit: 'fill' }).jpeg().toBuffer();
    const result = await vision.segmentPerson(big);
    expect([result.width, result.height]).toEqual([1000, 500]);
    const meta = await sharp(result.mask).metadata();
    expect([meta.width, meta.height]).toEqual([1000, 500]);
  });
});

describe('upscaling', () => {
  it('doubles width and height', async () => {
    const result = await vision.upscale(hibiscus, 2);
    expect([result.width, result.height]).toEqual([256, 256]);
    const meta = await sharp(result.image).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 256, 256]);
    // The result still looks like the input: compare with a plain resize.
    const plain = await sharp(hibiscus).resize(256, 256).removeAlpha().raw().toBuffer();
    const ours = await sharp(result.image).removeAlpha().raw().toBuffer();
    let diff = 0;
    for (let i = 0; i < plain.length; i++) diff += Math.abs((plain[i] ?? 0) - (ours[i] ?? 0));
    expect(diff / plain.length).toBeLessThan(12);
  });

  it('quadruples an image that needs several tiles', async () => {
    // 150x100 takes two tiles of 128 px (tiling itself is tested in tiles.test.ts).
    const input = await sharp(hibiscus).resize(150, 100, { fit: 'fill' }).png().toBuffer();
    const result = await vision.upscale(input, 4);
    expect([result.width, result.height]).toEqual([600, 400]);
    const plain = await sharp(input).resize(600, 400).removeAlpha().raw().toBuffer();
    const ours = await sharp(result.image).removeAlpha().raw().toBuffer();
    let diff = 0;
    for (let i = 0; i < plain.length; i++) diff += Math.abs((plain[i] ?? 0) - (ours[i] ?? 0));
    expect(diff / plain.length).toBeLessThan(12);
  });

  it('refuses an output over the pixel limit with 30105', async () => {
    const error: unknown = await vision.upscale(hibiscus, 4, { maxOutputPixels: 100_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VisionError);
    expect(error).toMatchObject({ code: 30105, kind: 'too_large' });
  });
});

describe('bad input', () => {
  it('answers 30300 for bytes that are not an image, and the worker carries on', async () => {
    const error: unknown = await vision.detectFaces(Buffer.from('definitely not a jpeg')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VisionError);
    expect(error).toMatchObject({ code: 30300, kind: 'bad_input' });
    await expect(vision.moderate(hibiscus)).resolves.toHaveProperty('concepts');
  });
});
