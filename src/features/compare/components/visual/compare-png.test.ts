import { describe, expect, it } from 'vitest';
import type { Scene } from '@/features/results/lib/scene';
import { comparePngPlan } from '@/features/compare/components/visual/compare-png';

const scene = (color: string): Scene => ({
  size: { width: 400, height: 200 },
  fontSize: 10,
  boxes: [
    {
      index: 0,
      classKey: 'car',
      color,
      text: 'car',
      score: 0.9,
      rect: { x: 10, y: 10, width: 50, height: 50 },
      polygon: null,
      point: null,
      label: null,
    },
  ],
  masks: [],
});

const texts = (plan: ReturnType<typeof comparePngPlan>) =>
  plan.overlay.flatMap((command) => (command.op === 'text' ? [command.text] : []));

describe('comparison PNG plan', () => {
  const sceneA = scene('#ff0000');
  const sceneB = scene('#00ff00');

  it('puts B right of A with a gap, tagged A and B', () => {
    const plan = comparePngPlan({ mode: 'side', sceneA, sceneB, swipe: 0.5, maskOpacity: 0.5 });
    expect(plan.size.height).toBe(200);
    expect(plan.size.width).toBeGreaterThan(800);
    expect(plan.layers.map((layer) => layer.dx)).toEqual([0, plan.size.width - 400]);
    expect(plan.layers.every((layer) => layer.base && layer.clip === null && !layer.dash)).toBe(true);
    expect(texts(plan)).toEqual(['A', 'B']);
  });

  it('splits at the divider on one picture and draws the divider', () => {
    const plan = comparePngPlan({ mode: 'swipe', sceneA, sceneB, swipe: 0.25, maskOpacity: 0.5 });
    expect(plan.size).toEqual({ width: 400, height: 200 });
    expect(plan.layers.map((layer) => layer.clip)).toEqual([
      { x: 0, y: 0, width: 100, height: 200 },
      { x: 100, y: 0, width: 300, height: 200 },
    ]);
    const divider = plan.overlay.find((command) => command.op === 'fillRect' && command.height === 200);
    expect(divider).toMatchObject({ x: 99 });
  });

  it('overlays B dashed on A solid, the picture drawn once', () => {
    const plan = comparePngPlan({ mode: 'overlay', sceneA, sceneB, swipe: 0.5, maskOpacity: 0.5 });
    const [a, b] = plan.layers;
    expect(a).toMatchObject({ base: true, dash: undefined });
    expect(b?.base).toBe(false);
    expect(b?.dash?.length).toBe(2);
    expect(texts(plan)).toEqual(['A (solid) · B (dashed)']);
  });
});
