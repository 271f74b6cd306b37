import { describe, expect, it } from 'vitest';
import type { Data } from '@contract/clarifai';
import {
  formatFrameTime,
  frameEntries,
  frameRegionClasses,
  frameTitle,
  frameValueText,
  markLevels,
  nearestFrame,
  summariseFrame,
} from '@/features/results/lib/frames';

const box = { top_row: 0.1, left_col: 0.1, bottom_row: 0.5, right_col: 0.5 };

describe('frame entries', () => {
  it('reads index and time (number or string), and numbers a frame 0 that lacks its index', () => {
    const entries = frameEntries([
      { frame_info: { time: 500 } },
      { frame_info: { index: 1, time: '1500' }, data: { concepts: [] } },
    ]);
    expect(entries.map(({ position, index, timeMs }) => ({ position, index, timeMs }))).toEqual([
      { position: 0, index: 0, timeMs: 500 },
      { position: 1, index: 1, timeMs: 1500 },
    ]);
    expect(entries[0]?.data).toEqual({});
  });
});

describe('nearest frame by time', () => {
  const times = [500, 1500, 2500, 3500];

  it('finds the window that holds the moment, the later one on a boundary', () => {
    expect(nearestFrame(times, 0)).toBe(0);
    expect(nearestFrame(times, 999)).toBe(0);
    expect(nearestFrame(times, 1000)).toBe(1);
    expect(nearestFrame(times, 1500)).toBe(1);
    expect(nearestFrame(times, 2999)).toBe(2);
    expect(nearestFrame(times, 3500)).toBe(3);
  });

  it('clamps past either end, and answers -1 without frames', () => {
    expect(nearestFrame(times, -40)).toBe(0);
    expect(nearestFrame(times, 60_000)).toBe(3);
    expect(nearestFrame([], 100)).toBe(-1);
    expect(nearestFrame([250], 9000)).toBe(0);
  });

  it('agrees with a linear scan on 6,000 frames sampled every 100 ms', () => {
    const many = Array.from({ length: 6000 }, (_, i) => i * 100 + 50);
    for (const t of [0, 49, 50, 99, 100, 101, 12_345, 599_999, 700_000]) {
      let best = 0;
      many.forEach((time, i) => {
        if (Math.abs(time - t) < Math.abs((many[best] ?? 0) - t)) best = i;
      });
      // The scan keeps the earlier of two equally near frames; the search the later (a boundary).
      const found = nearestFrame(many, t);
      expect(Math.abs((many[found] ?? 0) - t)).toBe(Math.abs((many[best] ?? 0) - t));
    }
  });
});

describe('frame summaries', () => {
  it('says the text first, then the regions (their texts for OCR), then the top concept', () => {
    expect(summariseFrame({ text: { raw: '  3\n' } })).toMatchObject({ kind: 'text', label: '3', value: 1 });
    const ocr: Data = {
      regions: [
        { region_info: { bounding_box: box }, data: { text: { raw: 'EXIT' } } },
        { region_info: { bounding_box: box }, data: { text: { raw: 'ONLY' } } },
      ],
    };
    expect(summariseFrame(ocr)).toMatchObject({ kind: 'text', label: 'EXIT ONLY' });
    const faces: Data = {
      regions: [1, 2, 3].map(() => ({
        region_info: { bounding_box: box },
        data: { concepts: [{ id: 'face', value: 0.9 }] },
      })),
      concepts: [{ id: 'x', name: 'x', value: 0.1 }],
    };
    expect(summariseFrame(faces)).toMatchObject({ kind: 'regions', label: '3 regions', value: 3 });
    expect(summariseFrame({ regions: [{ region_info: { bounding_box: box } }] }).label).toBe('1 region');
    expect(
      summariseFrame({
        concepts: [
          { id: 'a', name: 'glass', value: 0.4 },
          { id: 'b', name: 'drink', value: 0.93 },
        ],
      }),
    ).toMatchObject({ kind: 'concept', label: 'drink 93.0%', value: 0.93 });
    expect(summariseFrame({})).toMatchObject({ kind: 'empty', label: 'nothing found', value: 0 });
  });

  it('cuts a long text to one short line', () => {
    const label = summariseFrame({ text: { raw: `${'word '.repeat(40)}\nmore` } }).label;
    expect(label.length).toBeLessThanOrEqual(80);
    expect(label).not.toContain('\n');
    expect(label.endsWith('…')).toBe(true);
  });

  it('summarises each frame once (the stream re-reads the same frames)', () => {
    const data: Data = { text: { raw: 'once' } };
    expect(summariseFrame(data)).toBe(summariseFrame(data));
  });

  it('words the timeline value as "Frame N at T s: what was found"', () => {
    expect(frameValueText({ index: 3, timeMs: 3500 }, summariseFrame({ text: { raw: '3' } }))).toBe(
      'Frame 3 at 3.5 s: 3',
    );
    expect(frameTitle({ index: 0, timeMs: 150 })).toBe('Frame 0 at 0.15 s');
    expect(formatFrameTime(2000)).toBe('2 s');
    expect(formatFrameTime(61_500)).toBe('61.5 s');
  });

  it('levels marks: regions against the busiest frame, concepts by value, text full, empty none', () => {
    const levels = markLevels([
      summariseFrame({ regions: [{}, {}, {}, {}] }),
      summariseFrame({ regions: [{}] }),
      summariseFrame({ concepts: [{ id: 'c', value: 0.5 }] }),
      summariseFrame({ text: { raw: 'hi' } }),
      summariseFrame({}),
    ]);
    expect(levels).toEqual([1, 0.25, 0.5, 1, 0]);
  });
});

describe('region classes over every frame', () => {
  it('counts each class across frames and gives it one colour for the whole video', () => {
    const face = {
      region_info: { bounding_box: box },
      data: { concepts: [{ id: 'face', name: 'face', value: 0.9 }] },
    };
    const text = { region_info: { bounding_box: box }, data: { text: { raw: 'A' } } };
    const entries = frameEntries([
      { frame_info: { index: 0, time: 500 }, data: { regions: [face, face] } },
      { frame_info: { index: 1, time: 1500 }, data: {} },
      { frame_info: { index: 2, time: 2500 }, data: { regions: [face, text] } },
    ]);
    const { classes, colors } = frameRegionClasses(entries);
    expect(classes.map(({ key, count }) => [key, count])).toEqual([
      ['face', 3],
      ['text', 1],
    ]);
    expect(colors.get('face')).not.toBe(colors.get('text'));
  });
});
