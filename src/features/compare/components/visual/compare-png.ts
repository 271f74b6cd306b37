/**
 * "Download comparison PNG" as data: where each version's scene goes on the picture for the view
 * on screen, and the labels drawn over it. Side by side puts B right of A with a gap and an "A" /
 * "B" tag on each; swipe draws both on one picture cut at the divider (and draws the divider);
 * overlay draws A solid and B dashed on one picture. `renderLayersPng` draws the plan.
 */
import type { DrawCommand } from '@/lib/draw-commands';
import type { Size } from '@/lib/geometry';
import type { PngLayer } from '@/features/results/lib/export-png';
import type { Scene } from '@/features/results/lib/scene';
import { SIDE_STROKE, type CompareViewMode } from '@/features/compare/components/types';
import { swipeClipRect } from '@/features/compare/components/visual/swipe';

export interface ComparePngPlan {
  size: Size;
  layers: PngLayer[];
  overlay: DrawCommand[];
}

/** Line widths and tags scale with the picture, as the results' PNG does. */
function unit(size: Size): number {
  return Math.max(2, Math.round(Math.max(size.width, size.height) / 400));
}

function tag(text: string, x: number, y: number, fontSize: number): DrawCommand[] {
  const width = text.length * fontSize * 0.6 + fontSize;
  return [
    { op: 'fillRect', x, y, width, height: fontSize * 1.5, color: '#0f172a', alpha: 0.8 },
    {
      op: 'text',
      text,
      x: x + fontSize * 0.5,
      y: y + fontSize * 1.1,
      color: '#ffffff',
      font: `bold ${fontSize}px ui-sans-serif, system-ui, sans-serif`,
    },
  ];
}

export function comparePngPlan({
  mode,
  sceneA,
  sceneB,
  swipe,
  maskOpacity,
}: {
  mode: CompareViewMode;
  sceneA: Scene;
  sceneB: Scene;
  swipe: number;
  maskOpacity: number;
}): ComparePngPlan {
  const { size } = sceneA;
  const line = unit(size);
  const dash = SIDE_STROKE.b.dash?.map((length) => (length * line) / 2);
  const fontSize = Math.max(12, Math.round(Math.max(size.width, size.height) / 30));
  const margin = fontSize / 2;
  const layer = (scene: Scene, overrides: Partial<PngLayer>): PngLayer => ({
    scene,
    maskOpacity,
    dx: 0,
    dy: 0,
    clip: null,
    dash: undefined,
    base: true,
    ...overrides,
  });

  if (mode === 'side') {
    const gap = Math.max(8, Math.round(size.width / 50));
    return {
      size: { width: size.width * 2 + gap, height: size.height },
      layers: [layer(sceneA, {}), layer(sceneB, { dx: size.width + gap })],
      overlay: [
        ...tag('A', margin, margin, fontSize),
        ...tag('B', size.width + gap + margin, margin, fontSize),
      ],
    };
  }
  if (mode === 'swipe') {
    const clipA = swipeClipRect('a', swipe, size);
    const clipB = swipeClipRect('b', swipe, size);
    return {
      size,
      layers: [layer(sceneA, { clip: clipA }), layer(sceneB, { clip: clipB })],
      overlay: [
        {
          op: 'fillRect',
          x: clipB.x - line / 2,
          y: 0,
          width: line,
          height: size.height,
          color: '#ffffff',
          alpha: 1,
        },
        ...tag('A', margin, margin, fontSize),
        ...tag('B', size.width - margin - (fontSize * 0.6 + fontSize), margin, fontSize),
      ],
    };
  }
  return {
    size,
    layers: [layer(sceneA, {}), layer(sceneB, { dash, base: false })],
    overlay: tag(`${SIDE_STROKE.a.label} · ${SIDE_STROKE.b.label}`, margin, margin, fontSize),
  };
}
