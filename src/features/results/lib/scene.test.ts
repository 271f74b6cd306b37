import { describe, expect, it } from 'vitest';
import type { Region } from '@contract/clarifai';
import { replay, type DrawContext } from '@/lib/draw-commands';
import { regionClasses, regionItems } from '@/features/results/lib/region-model';
import {
  BASE_IMAGE,
  boxPercent,
  buildScene,
  denseBoxCommands,
  hiddenBoxesCss,
  MAX_LABELS,
  maskSource,
  sceneToCommands,
} from '@/features/results/lib/scene';
import { meetsThreshold } from '@/features/results/lib/concepts';

const size = { width: 800, height: 400 };

const box = (top: number, left: number, bottom: number, right: number) => ({
  bounding_box: { top_row: top, left_col: left, bottom_row: bottom, right_col: right },
});

const regions: Region[] = [
  {
    id: 'a',
    value: 0.9,
    region_info: box(0.5, 0.1, 0.9, 0.3),
    data: { concepts: [{ id: 'dog', name: 'dog', value: 0.9 }] },
  },
  {
    id: 'b',
    value: 0.4,
    region_info: box(0, 0.5, 0.5, 0.9),
    data: { concepts: [{ id: 'cat', name: 'cat', value: 0.4 }] },
  },
  {
    id: 'c',
    region_info: { mask: { image: { base64: 'iVBORw0KGgo=' } } },
    data: { concepts: [{ id: 'sky', name: 'sky', value: 0.8 }] },
  },
];

function sceneFor(view: { threshold: number; hiddenClasses: Set<string> }) {
  const items = regionItems(regions);
  return buildScene(items, size, regionClasses(items).colors, view);
}

/** A 2D context that records what is done to it, in order. */
function recordingContext() {
  const calls: string[] = [];
  const state: Record<string, unknown> = {};
  const record =
    (name: string) =>
    (...args: unknown[]) =>
      void calls.push(`${name}(${args.map((a) => (typeof a === 'object' ? 'img' : String(a))).join(', ')})`);
  const context = new Proxy(state, {
    get: (target, key) => (typeof key === 'string' && !(key in target) ? record(key) : target[key as string]),
    set: (target, key, value) => {
      calls.push(`${String(key)} = ${String(value)}`);
      target[key as string] = value;
      return true;
    },
  }) as unknown as DrawContext;
  return { context, calls };
}

describe('buildScene', () => {
  it('draws boxes in image pixels, in class colours, labelled with name and score', () => {
    const scene = sceneFor({ threshold: 0, hiddenClasses: new Set() });
    expect(scene.boxes.map((b) => [b.index, b.text, b.rect])).toEqual([
      [0, 'dog 90.0%', { x: 80, y: 200, width: 160, height: 160 }],
      [1, 'cat 40.0%', { x: 400, y: 0, width: 320, height: 200 }],
      [2, 'sky 80.0%', null],
    ]);
    expect(new Set(scene.boxes.map((b) => b.color)).size).toBe(3);
    expect(scene.masks).toEqual([
      {
        index: 2,
        classKey: 'sky',
        color: scene.boxes[2]?.color,
        score: 0.8,
        src: 'data:image/png;base64,iVBORw0KGgo=',
      },
    ]);
  });

  it('places labels outside their boxes: above, or below one touching the top edge', () => {
    const scene = sceneFor({ threshold: 0, hiddenClasses: new Set() });
    const [dog, cat] = scene.boxes;
    expect(dog!.label!.y + dog!.label!.height).toBe(200);
    expect(cat!.label!.y).toBe(200);
  });

  it('leaves out what the threshold or the legend hides, masks included', () => {
    expect(sceneFor({ threshold: 0.5, hiddenClasses: new Set() }).boxes.map((b) => b.index)).toEqual([0, 2]);
    const noSky = sceneFor({ threshold: 0, hiddenClasses: new Set(['sky']) });
    expect(noSky.boxes.map((b) => b.index)).toEqual([0, 1]);
    expect(noSky.masks).toEqual([]);
  });

  it('labels no box (the highlight does) once there are more than MAX_LABELS', () => {
    const many = Array.from({ length: MAX_LABELS + 1 }, (_, i) => ({
      value: 0.5,
      region_info: box(0.1, i / 100, 0.2, i / 100 + 0.01),
    }));
    const items = regionItems(many);
    const scene = buildScene(items, size, regionClasses(items).colors, {
      threshold: 0,
      hiddenClasses: new Set(),
    });
    expect(scene.boxes.every((b) => b.label === null)).toBe(true);
  });
});

describe('sceneToCommands', () => {
  it('draws the picture, the masks at the chosen opacity, the outlines, then the labels on top', () => {
    const scene = sceneFor({ threshold: 0, hiddenClasses: new Set() });
    const commands = sceneToCommands(scene, { maskOpacity: 0.35 });
    expect(commands.map((c) => c.op)).toEqual([
      'image',
      'image',
      'strokeRect',
      'strokeRect',
      'fillRect',
      'text',
      'fillRect',
      'text',
    ]);
    expect(commands[0]).toEqual({
      op: 'image',
      source: BASE_IMAGE,
      x: 0,
      y: 0,
      width: 800,
      height: 400,
      alpha: 1,
    });
    expect(commands[1]).toMatchObject({
      op: 'image',
      source: maskSource(2),
      alpha: 0.35,
      width: 800,
      height: 400,
    });
    expect(commands[2]).toMatchObject({
      op: 'strokeRect',
      x: 80,
      y: 200,
      width: 160,
      height: 160,
      color: scene.boxes[0]?.color,
      lineWidth: 2,
    });
    expect(commands.filter((c) => c.op === 'text').map((c) => (c.op === 'text' ? c.text : ''))).toEqual([
      'dog 90.0%',
      'cat 40.0%',
    ]);
  });

  it('replays onto a 2D context as the expected calls', () => {
    const scene = sceneFor({ threshold: 0.5, hiddenClasses: new Set(['sky']) });
    const { context, calls } = recordingContext();
    const { missing } = replay(context, sceneToCommands(scene, { maskOpacity: 0.5 }), (key) =>
      key === BASE_IMAGE ? ({} as CanvasImageSource) : undefined,
    );
    expect(missing).toEqual([]);
    const color = scene.boxes[0]!.color;
    const label = scene.boxes[0]!.label!;
    expect(calls).toEqual([
      'save()',
      'globalAlpha = 1',
      'drawImage(img, 0, 0, 800, 400)',
      'restore()',
      'save()',
      `strokeStyle = ${color}`,
      'lineWidth = 2',
      'strokeRect(80, 200, 160, 160)',
      'restore()',
      'save()',
      'globalAlpha = 1',
      `fillStyle = ${color}`,
      `fillRect(${label.x}, ${label.y}, ${label.width}, ${label.height})`,
      'restore()',
      'save()',
      `font = ${scene.fontSize}px ui-sans-serif, system-ui, sans-serif`,
      'textBaseline = alphabetic',
      expect.stringMatching(/^fillStyle = #(000000|ffffff)$/),
      `fillText(dog 90.0%, ${label.x + scene.fontSize * 0.4}, ${label.y + scene.fontSize * 1.05})`,
      'restore()',
    ]);
  });

  it('skips a mask that could not be loaded and says which', () => {
    const scene = sceneFor({ threshold: 0, hiddenClasses: new Set() });
    const { context, calls } = recordingContext();
    const { missing } = replay(context, sceneToCommands(scene, { maskOpacity: 0.5 }), (key) =>
      key === BASE_IMAGE ? ({} as CanvasImageSource) : undefined,
    );
    expect(missing).toEqual([maskSource(2)]);
    expect(calls.filter((c) => c.startsWith('drawImage'))).toHaveLength(1);
  });

  it('scales outline width with big pictures', () => {
    const items = regionItems([regions[0]!]);
    const scene = buildScene(items, { width: 4000, height: 3000 }, regionClasses(items).colors, {
      threshold: 0,
      hiddenClasses: new Set(),
    });
    expect(sceneToCommands(scene, { maskOpacity: 0.5 }).find((c) => c.op === 'strokeRect')).toMatchObject({
      lineWidth: 10,
    });
  });
});

describe('hiding boxes with CSS, the same rule as the scene', () => {
  it('writes one rule for the percents below the threshold and one for the hidden classes', () => {
    const css = hiddenBoxesCss(
      '[data-overlay="x"]',
      { threshold: 0.03, hiddenClasses: new Set(['cat', 'unknown']) },
      new Map([['cat', 4]]),
    );
    expect(css).toBe(
      '[data-overlay="x"] [data-p="0"],[data-overlay="x"] [data-p="1"],[data-overlay="x"] [data-p="2"]{display:none}\n' +
        '[data-overlay="x"] [data-ci="4"]{display:none}',
    );
    expect(hiddenBoxesCss('s', { threshold: 0, hiddenClasses: new Set() }, new Map())).toBe('');
  });

  it('agrees with meetsThreshold on every score and threshold step, floating point included', () => {
    for (let t = 0; t <= 100; t += 1) {
      const threshold = t / 100;
      for (let s = 0; s <= 1000; s += 1) {
        const score = s / 1000;
        const hiddenByCss = (boxPercent(score) ?? 0) < t;
        expect(hiddenByCss).toBe(!meetsThreshold(score, threshold));
      }
    }
    // 0.29 * 100 is 28.999… in floating point: still shown at a 29% threshold.
    expect(meetsThreshold(0.29, 0.29)).toBe(true);
    expect(meetsThreshold(0.289, 0.29)).toBe(false);
  });
});

describe('denseBoxCommands', () => {
  const many = Array.from({ length: 600 }, (_, i) => ({
    value: 0.9,
    region_info: box(0.1, (i % 100) / 100, 0.2, (i % 100) / 100 + 0.013),
    data: { concepts: [{ id: i % 3 ? 'car' : 'person', name: i % 3 ? 'car' : 'person', value: 0.9 }] },
  }));
  const items = regionItems(many);
  const scene = buildScene(items, size, regionClasses(items).colors, {
    threshold: 0,
    hiddenClasses: new Set(),
  });

  it('strokes all outlines as one path per colour, snapped to whole bitmap pixels', () => {
    const commands = denseBoxCommands(scene, null, 2, 0.5);
    expect(commands).toHaveLength(2);
    expect(commands.reduce((n, c) => n + (c.op === 'strokeRects' ? c.rects.length : 0), 0)).toBe(600);
    for (const command of commands) {
      if (command.op !== 'strokeRects') throw new Error('unexpected command');
      expect(command.lineWidth).toBe(2);
      for (const r of command.rects) expect([r.x, r.y, r.width, r.height].every(Number.isInteger)).toBe(true);
    }
    // Image (8, 40)–(18.4, 80) at half scale: (4, 20), 5 × 20.
    const first = commands.find(
      (c) => c.op === 'strokeRects' && c.rects.some((r) => r.x === 4 && r.y === 20),
    );
    expect(first).toBeDefined();
  });

  it('fades the classes other than the focused one, and draws the focused class last', () => {
    const commands = denseBoxCommands(scene, 'person', 2);
    expect(commands.map((c) => (c.op === 'strokeRects' ? c.alpha : NaN))).toEqual([0.2, 1]);
  });
});
