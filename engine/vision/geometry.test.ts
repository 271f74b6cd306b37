import { describe, expect, it } from 'vitest';
import { boxFromXywh, fromPixelRect, growBox, toPixelRect } from './geometry';
import { AGE_BUCKETS, ageBucketId, ageConcepts, emotionConcepts, genderConcepts } from './models/face-concepts';
import { mergeDetections, planWindows, toImage } from './models/face-windows';
import type { FractionBox } from './protocol';

function expectBox(actual: FractionBox, expected: FractionBox): void {
  for (const key of ['top_row', 'left_col', 'bottom_row', 'right_col'] as const) expect(actual[key], key).toBeCloseTo(expected[key], 9);
}

describe('growBox (crop margins)', () => {
  it('reproduces the crop Clarifai returned for a recorded margin-110 face', () => {
    // From clarifai-examples/grpc-text/example_workflow_predict_images.pbtxt: the detector's box,
    // then the box margin-110-image-crop answered with.
    const detected = { top_row: 0.151694223, left_col: 0.285768479, bottom_row: 0.614028037, right_col: 0.762517869 };
    const grown = growBox(detected, 1.1);
    expect(grown.top_row).toBeCloseTo(0.12857753, 5);
    expect(grown.left_col).toBeCloseTo(0.261931, 5);
    expect(grown.bottom_row).toBeCloseTo(0.637144744, 5);
    expect(grown.right_col).toBeCloseTo(0.786355317, 5);
  });

  it('keeps the centre and scales each side by the margin', () => {
    const grown = growBox({ top_row: 0.4, left_col: 0.2, bottom_row: 0.6, right_col: 0.3 }, 2);
    expectBox(grown, { top_row: 0.3, left_col: 0.15, bottom_row: 0.7, right_col: 0.35 });
  });

  it('clamps to the image instead of leaving it', () => {
    const grown = growBox({ top_row: 0, left_col: 0.9, bottom_row: 0.2, right_col: 1 }, 1.5);
    expect(grown.top_row).toBe(0);
    expect(grown.right_col).toBe(1);
    expect(grown.left_col).toBeCloseTo(0.875);
    expect(grown.bottom_row).toBeCloseTo(0.25);
  });

  it('margin 1 is the identity and a bad margin is refused', () => {
    const box = { top_row: 0.1, left_col: 0.2, bottom_row: 0.5, right_col: 0.6 };
    expectBox(growBox(box, 1), box);
    expect(() => growBox(box, 0)).toThrow(RangeError);
    expect(() => growBox(box, Number.NaN)).toThrow(RangeError);
  });
});

describe('pixel rectangles', () => {
  it('rounds outwards and stays inside the image', () => {
    expect(toPixelRect({ top_row: 0.101, left_col: 0.199, bottom_row: 0.5, right_col: 0.6 }, 100, 200)).toEqual({
      left: 19,
      top: 20,
      width: 41,
      height: 80,
    });
    expect(toPixelRect({ top_row: 0, left_col: 0, bottom_row: 1, right_col: 1 }, 64, 48)).toEqual({ left: 0, top: 0, width: 64, height: 48 });
  });

  it('never yields an empty rectangle', () => {
    expect(toPixelRect({ top_row: 1, left_col: 1, bottom_row: 1, right_col: 1 }, 10, 10)).toEqual({ left: 9, top: 9, width: 1, height: 1 });
  });

  it('round-trips a pixel rectangle through fractions', () => {
    const rect = { left: 10, top: 20, width: 30, height: 40 };
    expect(toPixelRect(fromPixelRect(rect, 100, 80), 100, 80)).toEqual(rect);
  });

  it('turns [x, y, w, h] into clamped edges', () => {
    expect(boxFromXywh([-0.1, 0.2, 0.5, 0.9])).toEqual({ top_row: 0.2, left_col: 0, bottom_row: 1, right_col: 0.4 });
  });
});

describe('face detector windows', () => {
  it('covers a wide image with undistorted squares at two scales', () => {
    const windows = planWindows(800, 400);
    const level0 = windows.filter((w) => w.level === 0);
    expect(level0.map((w) => [w.x, w.y, w.side])).toEqual([
      [0, 0, 400],
      [200, 0, 400],
      [400, 0, 400],
    ]);
    const level1 = windows.filter((w) => w.level === 1);
    expect(level1.every((w) => w.side === 200)).toBe(true);
    // Every pixel is inside some level-1 window, and no window leaves the image.
    for (const [x, y] of [[0, 0], [799, 399], [420, 250]] as const) {
      expect(level1.some((w) => x >= w.x && x < w.x + w.side && y >= w.y && y < w.y + w.side)).toBe(true);
    }
    expect(windows.every((w) => w.x + w.side <= 800 && w.y + w.side <= 400)).toBe(true);
  });

  it('uses one window for a small square image', () => {
    expect(planWindows(256, 256)).toEqual([{ x: 0, y: 0, side: 256, level: 0 }]);
  });

  it('maps window boxes to the image and drops faces cut by an inner window edge', () => {
    const window = { x: 200, y: 100, side: 200, level: 1 as const };
    const found = toImage(
      window,
      [
        { box: { top_row: 0.25, left_col: 0.25, bottom_row: 0.5, right_col: 0.5 }, score: 0.9 },
        { box: { top_row: 0.3, left_col: 0, bottom_row: 0.5, right_col: 0.2 }, score: 0.8 }, // cut on the left
      ],
      800,
      400,
    );
    expect(found).toHaveLength(1);
    expect(found[0]?.box.left_col).toBeCloseTo(250 / 800);
    expect(found[0]?.box.top_row).toBeCloseTo(150 / 400);
    expect(found[0]?.box.right_col).toBeCloseTo(300 / 800);
  });

  it('merges the same face seen by several windows, keeping the best score', () => {
    const face = { top_row: 0.2, left_col: 0.2, bottom_row: 0.4, right_col: 0.4 };
    const merged = mergeDetections([
      { box: face, score: 0.7 },
      { box: { ...face, right_col: 0.41 }, score: 0.9 },
      { box: { top_row: 0.25, left_col: 0.25, bottom_row: 0.35, right_col: 0.3 }, score: 0.6 }, // inside it
      { box: { top_row: 0.6, left_col: 0.6, bottom_row: 0.8, right_col: 0.8 }, score: 0.5 },
    ]);
    expect(merged.map((d) => d.score)).toEqual([0.9, 0.5]);
  });
});

describe('face concepts', () => {
  it('names emotions as Clarifai does and sorts them', () => {
    const concepts = emotionConcepts([0.05, 0, 0, 0.8, 0.1, 0, 0.05]);
    expect(concepts.map((c) => c.id)).toEqual(['happiness', 'sadness-contempt', 'anger', 'neutral', 'disgust', 'fear', 'surprise']);
    expect(() => emotionConcepts([1, 2])).toThrow();
  });

  it('sums a per-year age distribution into buckets', () => {
    const perYear = new Array<number>(100).fill(0);
    perYear[25] = 0.6;
    perYear[29] = 0.2;
    perYear[30] = 0.2;
    const { concepts, meanYears } = ageConcepts(perYear);
    expect(concepts).toHaveLength(AGE_BUCKETS.length);
    expect(concepts[0]).toEqual({ id: 'age-20-29', name: '20-29', value: expect.closeTo(0.8, 6) });
    expect(concepts[1]?.id).toBe('age-30-39');
    expect(concepts.reduce((s, c) => s + c.value, 0)).toBeCloseTo(1);
    expect(meanYears).toBeCloseTo(0.6 * 25 + 0.2 * 29 + 0.2 * 30);
  });

  it('buckets a number of years', () => {
    expect(ageBucketId(2.5)).toBe('age-0-2');
    expect(ageBucketId(9.9)).toBe('age-3-9');
    expect(ageBucketId(44)).toBe('age-40-49');
    expect(ageBucketId(93)).toBe('age-70-plus');
  });

  it('reads the gender sigmoid as masculine', () => {
    expect(genderConcepts(0.9).map((c) => [c.id, c.value])).toEqual([
      ['masculine', 0.9],
      ['feminine', expect.closeTo(0.1, 6)],
    ]);
    expect(genderConcepts(0.2)[0]?.id).toBe('feminine');
  });
});
