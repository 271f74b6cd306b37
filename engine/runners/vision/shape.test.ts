import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { Data } from '../../../contract/clarifai';
import { cropRegion, detectionData, embeddingData, limitConcepts, segmentationData } from './shape';

const ids = () => {
  let n = 0;
  return () => `id-${++n}`;
};

const box = { top_row: 0.1, left_col: 0.2, bottom_row: 0.5, right_col: 0.6 };

describe('output shapes', () => {
  it('detector: a region per box with its concept inside and its score as value', () => {
    const data = detectionData(
      [
        { box, score: 0.9, concept: { id: 'face', name: 'face', value: 0.9 } },
        { box, score: 0.4, concept: { id: 'cup', name: 'cup' } },
      ],
      ids(),
    );
    expect(Data.parse(data)).toEqual(data);
    expect(data.regions).toEqual([
      {
        id: 'id-1',
        region_info: { bounding_box: box },
        data: { concepts: [{ id: 'face', name: 'face', value: 0.9 }] },
        value: 0.9,
      },
      {
        id: 'id-2',
        region_info: { bounding_box: box },
        data: { concepts: [{ id: 'cup', name: 'cup', value: 0.4 }] },
        value: 0.4,
      },
    ]);
    expect(detectionData([], ids())).toEqual({ regions: [] });
  });

  it('crop: a new region with the cut box and the image, format in capitals like Clarifai', async () => {
    const jpeg = await sharp({ create: { width: 4, height: 3, channels: 3, background: '#fff' } })
      .jpeg()
      .toBuffer();
    const region = cropRegion({ box, image: jpeg, width: 4, height: 3, format: 'jpeg' }, 'crop-1');
    expect(region).toEqual({
      id: 'crop-1',
      region_info: { bounding_box: box },
      data: {
        image: { base64: jpeg.toString('base64'), image_info: { width: 4, height: 3, format: 'JPEG' } },
      },
    });
  });

  it('classifier limits: min_value, then max_concepts (0 = all)', () => {
    const concepts = [
      { id: 'a', value: 0.6 },
      { id: 'b', value: 0.3 },
      { id: 'c', value: 0.1 },
    ];
    expect(limitConcepts(concepts, { min_value: 0, max_concepts: 0 })).toEqual(concepts);
    expect(limitConcepts(concepts, { min_value: 0.2, max_concepts: 0 }).map((c) => c.id)).toEqual(['a', 'b']);
    expect(limitConcepts(concepts, { min_value: 0, max_concepts: 1 }).map((c) => c.id)).toEqual(['a']);
  });

  it('embedding: one vector with its size, in 9 digits that give back the same float32', () => {
    const computed = [
      Math.fround(0.123456789012),
      Math.fround(-2.5),
      Math.fround(1 / 3),
      Math.fround(1e-7 / 3),
    ];
    const data = embeddingData(computed);
    expect(data.embeddings?.[0]?.num_dimensions).toBe(4);
    const sent = data.embeddings?.[0]?.vector ?? [];
    expect(sent).toEqual([0.123456791, -2.5, 0.333333343, 3.33333325e-8]);
    expect(sent.map(Math.fround)).toEqual(computed);
  });

  it('segmenter: one region per class, the mask as a PNG with its size, the class share as value', () => {
    const png = Buffer.from('png');
    const data = segmentationData(
      [
        { name: 'person', mask: { png, width: 8, height: 6, share: 0.25 } },
        { name: 'background', mask: { png, width: 8, height: 6, share: 0.75 } },
      ],
      ids(),
    );
    expect(data.regions?.[0]).toEqual({
      id: 'id-1',
      region_info: {
        mask: {
          image: { base64: png.toString('base64'), image_info: { width: 8, height: 6, format: 'PNG' } },
        },
      },
      data: { concepts: [{ id: 'person', name: 'person', value: 0.25 }] },
    });
    expect(data.regions?.[1]?.data?.concepts).toEqual([
      { id: 'background', name: 'background', value: 0.75 },
    ]);
  });
});
