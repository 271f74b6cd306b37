/** Where vision nodes read from and answer at, and how failures become statuses: pure rules. */
import { describe, expect, it } from 'vitest';
import type { Data } from '../../../contract/clarifai';
import { MediaError } from '../../media/media-error';
import { VisionError } from '../../vision';
import { RunnerFailure } from '../failure';
import type { RunnerItem } from '../types';
import { cluster } from './clusterer';
import { DetectorParams, parseParams } from './params';
import { fullBox, itemError, ItemFailure, targetsOf, wholeImage } from './sources';

const inputBytes = Buffer.from('input image');
const parentBytes = Buffer.from('parent image');

function item(parents: Data[], withImage = true): RunnerItem {
  return {
    input: {
      id: 'in',
      data: {},
      ...(withImage
        ? { image: { bytes: inputBytes, format: 'jpeg', width: 10, height: 10, orientation: 1 } }
        : {}),
    },
    parents,
  };
}

const box = { top_row: 0.1, left_col: 0.2, bottom_row: 0.5, right_col: 0.6 };

describe('wholeImage', () => {
  it("reads a parent's image (an upscaler) before the input's", () => {
    expect(wholeImage(item([]), 'm')).toBe(inputBytes);
    expect(wholeImage(item([{}, { image: { base64: parentBytes.toString('base64') } }]), 'm')).toEqual(
      parentBytes,
    );
  });

  it('fails the item with 30104 when there is no image, naming video when that is what came', () => {
    expect(() => wholeImage(item([], false), 'face-detection')).toThrow(
      expect.objectContaining({ code: 30104, message: 'face-detection needs an image input' }),
    );
    const video: RunnerItem = {
      input: { id: 'v', data: {}, video: { kind: 'url', url: new URL('https://x.test/a.mp4') } },
      parents: [],
    };
    expect(() => wholeImage(video, 'm')).toThrow(/video is not supported/);
  });
});

describe('targetsOf', () => {
  it('answers on the whole image without a parent that has regions', () => {
    expect(targetsOf(item([]), 'm')).toEqual({ kind: 'image', image: inputBytes });
    expect(targetsOf(item([{ image: { base64: parentBytes.toString('base64') } }]), 'm')).toEqual({
      kind: 'image',
      image: parentBytes,
    });
  });

  it("answers inside the parent's regions: crops by their image, detections by their box", () => {
    const crop = {
      id: 'c1',
      region_info: { bounding_box: box },
      data: { image: { base64: parentBytes.toString('base64') } },
    };
    const detection = { id: 'd1', region_info: { bounding_box: { bottom_row: 0.5, right_col: 0.5 } } };
    const targets = targetsOf(item([{ regions: [crop, detection] }]), 'm');
    expect(targets).toEqual({
      kind: 'regions',
      regions: [
        { region: crop, image: parentBytes },
        { region: detection, box: { top_row: 0, left_col: 0, bottom_row: 0.5, right_col: 0.5 } },
      ],
      base: inputBytes,
    });
  });

  it('answers with no regions when the detector found none (not with a whole-image guess)', () => {
    expect(targetsOf(item([{ regions: [] }]), 'm')).toEqual({ kind: 'regions', regions: [] });
  });

  it('fails a region with neither image nor box (e.g. a mask) with 30104', () => {
    const mask = { id: 'm1', region_info: { mask: { image: { base64: 'AAAA' } } } };
    expect(() => targetsOf(item([{ regions: [mask] }]), 'age')).toThrow(
      expect.objectContaining({ code: 30104, message: expect.stringContaining('region 1 has neither') }),
    );
  });
});

describe('fullBox', () => {
  it('fills omitted zero fields and clamps; an empty box is no box', () => {
    expect(fullBox({ bottom_row: 1.2, right_col: 0.5 })).toEqual({
      top_row: 0,
      left_col: 0,
      bottom_row: 1,
      right_col: 0.5,
    });
    expect(fullBox({ top_row: 0.5, bottom_row: 0.5, right_col: 1 })).toBeUndefined();
    expect(fullBox(undefined)).toBeUndefined();
  });
});

describe('itemError', () => {
  it('keeps the code of vision, media and item failures; anything else is 21313', () => {
    expect(itemError(new VisionError('bad_input', 'image could not be decoded'), 'face-detection')).toEqual({
      code: 30300,
      details: 'face-detection: image could not be decoded',
    });
    expect(itemError(new VisionError('too_large', 'too big'), 'up').code).toBe(30105);
    expect(itemError(new VisionError('timeout', 'slow'), 'up').code).toBe(40032);
    expect(itemError(new MediaError(30300, 'not base64'), 'm')).toEqual({
      code: 30300,
      details: 'not base64',
    });
    expect(itemError(new ItemFailure(30104, 'no image'), 'm')).toEqual({ code: 30104, details: 'no image' });
    expect(itemError(new RunnerFailure(21353, 'closed'), 'm').code).toBe(21353);
    expect(itemError(new Error('boom'), 'm')).toEqual({ code: 21313, details: 'm failed: boom' });
  });
});

describe('parseParams', () => {
  it('fills defaults, keeps unknown keys, and names a bad parameter in a 21313', () => {
    expect(parseParams(DetectorParams, { other: 1 }, 'm')).toEqual({
      min_value: 0.5,
      max_objects: 50,
      other: 1,
    });
    const error: unknown = (() => {
      try {
        return parseParams(DetectorParams, { min_value: 2 }, 'face-detection');
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(RunnerFailure);
    expect(error).toMatchObject({
      code: 21313,
      message: expect.stringMatching(/^invalid params for face-detection: min_value: /),
    });
  });
});

describe('cluster (the clusterer runner, over a fake memory)', () => {
  const assign = (vector: number[]) => ({
    id: `c${vector[0]}`,
    projection: [vector[0] ?? 0, 0] as [number, number],
  });

  it('answers per region for region embeddings, skipping regions without one', () => {
    const regions = [
      { id: 'r1', region_info: { bounding_box: box }, data: { embeddings: [{ vector: [1, 0] }] } },
      { id: 'r2', data: {} },
      { id: 'r3', data: { embeddings: [{ vector: [2, 0] }] } },
    ];
    expect(cluster(item([{ regions }]), 'm', assign)).toEqual({
      regions: [
        {
          id: 'r1',
          region_info: { bounding_box: box },
          data: { clusters: [{ id: 'c1', projection: [1, 0] }] },
        },
        { id: 'r3', data: { clusters: [{ id: 'c2', projection: [2, 0] }] } },
      ],
    });
  });

  it('answers at the top level for a top-level embedding', () => {
    expect(cluster(item([{ embeddings: [{ vector: [3, 1] }] }]), 'm', assign)).toEqual({
      clusters: [{ id: 'c3', projection: [3, 0] }],
    });
  });

  it('answers no regions after a detector that found none, and 30104 with nothing to cluster', () => {
    expect(cluster(item([{ regions: [] }]), 'm', assign)).toEqual({ regions: [] });
    expect(() => cluster(item([{ concepts: [] }]), 'face-clustering', assign)).toThrow(
      expect.objectContaining({
        code: 30104,
        message: 'face-clustering clusters embeddings: put it after an embedding model',
      }),
    );
  });
});
