import { describe, expect, it } from 'vitest';
import { frameAtX, frameSlot, timelineBars, timelineCommands } from '@/features/results/lib/frames-timeline';

describe('timeline geometry', () => {
  it('maps a pointer position to the frame whose slot holds it, clamped to the ends', () => {
    expect(frameAtX(0, 100, 4)).toBe(0);
    expect(frameAtX(24.9, 100, 4)).toBe(0);
    expect(frameAtX(25, 100, 4)).toBe(1);
    expect(frameAtX(99.9, 100, 4)).toBe(3);
    expect(frameAtX(100, 100, 4)).toBe(3);
    expect(frameAtX(-10, 100, 4)).toBe(0);
    expect(frameAtX(500, 100, 4)).toBe(3);
    expect(frameAtX(50, 100, 0)).toBe(-1);
    expect(frameAtX(50, 0, 5)).toBe(0);
  });

  it('round-trips: the middle of a frame’s slot maps back to that frame, for 6,000 frames too', () => {
    for (const [width, count] of [
      [300, 5],
      [800, 6000],
      [1234, 617],
    ] as const) {
      for (let index = 0; index < count; index += Math.max(1, Math.floor(count / 50))) {
        const slot = frameSlot(index, width, count);
        expect(frameAtX(slot.x + slot.width / 2, width, count)).toBe(index);
      }
    }
  });
});

describe('timeline marks', () => {
  const size = { width: 100, height: 40 };

  it('draws one bar per frame with a mark, standing on the bottom edge, with its colour', () => {
    const bars = timelineBars([1, 0, 0.5, 0.01], ['#a', '#b', '#c', '#d'], size);
    expect(bars).toEqual([
      { frame: 0, x: 0, width: 24, height: 40, color: '#a' },
      { frame: 2, x: 50, width: 24, height: 20, color: '#c' },
      // A weak mark still shows.
      { frame: 3, x: 75, width: 24, height: 2, color: '#d' },
    ]);
    const commands = timelineCommands(bars, size, '#eee');
    expect(commands[0]).toMatchObject({ op: 'fillRect', y: 39, width: 100, color: '#eee' });
    expect(commands[2]).toMatchObject({ op: 'fillRect', x: 50, y: 20, width: 24, height: 20, color: '#c' });
  });

  it('shares pixel columns among crowded frames, keeping the strongest of each', () => {
    const levels = Array.from({ length: 6000 }, (_, i) => (i === 4321 ? 1 : i % 2 ? 0.2 : 0));
    const colors = levels.map((_, i) => (i === 4321 ? '#hit' : '#x'));
    const bars = timelineBars(levels, colors, { width: 800, height: 40 });
    expect(bars.length).toBeLessThanOrEqual(800);
    expect(bars.every((bar) => bar.width === 1)).toBe(true);
    const hit = bars.find((bar) => bar.frame === 4321);
    expect(hit).toMatchObject({ x: Math.floor((4321 / 6000) * 800), height: 40, color: '#hit' });
  });

  it('draws nothing without frames or room', () => {
    expect(timelineBars([], [], size)).toEqual([]);
    expect(timelineBars([1], ['#a'], { width: 0, height: 40 })).toEqual([]);
  });
});
