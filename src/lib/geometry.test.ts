import { describe, expect, it } from 'vitest';
import {
  boxToPixels,
  buildGridIndex,
  clientToImage,
  containRect,
  fitPoints,
  hitTest,
  hitTestGrid,
  labelPlacement,
  placeLabels,
} from '@/lib/geometry';

describe('boxToPixels', () => {
  it('scales fractions by the image size', () => {
    expect(
      boxToPixels(
        { top_row: 0.1, left_col: 0.2, bottom_row: 0.5, right_col: 0.7 },
        { width: 1000, height: 500 },
      ),
    ).toEqual({
      x: 200,
      y: 50,
      width: 500,
      height: 200,
    });
  });

  it('reads a missing edge as 0, as protobuf does', () => {
    expect(boxToPixels({ bottom_row: 0.5, right_col: 0.5 }, { width: 100, height: 100 })).toEqual({
      x: 0,
      y: 0,
      width: 50,
      height: 50,
    });
  });

  it('clamps to the image and orders swapped edges', () => {
    expect(
      boxToPixels(
        { top_row: 1.2, bottom_row: 0.5, left_col: 0.9, right_col: -0.1 },
        { width: 100, height: 200 },
      ),
    ).toEqual({
      x: 0,
      y: 100,
      width: 90,
      height: 100,
    });
  });
});

describe('containRect', () => {
  it('letterboxes a wide image in a square box', () => {
    expect(containRect({ width: 400, height: 400 }, { width: 800, height: 400 })).toEqual({
      x: 0,
      y: 100,
      width: 400,
      height: 200,
      scale: 0.5,
    });
  });

  it('pillarboxes a tall image', () => {
    expect(containRect({ width: 400, height: 200 }, { width: 100, height: 200 })).toEqual({
      x: 150,
      y: 0,
      width: 100,
      height: 200,
      scale: 1,
    });
  });

  it('is empty before the image has a size', () => {
    expect(containRect({ width: 400, height: 200 }, { width: 0, height: 0 }).scale).toBe(0);
  });
});

describe('clientToImage', () => {
  const element = { x: 10, y: 20, width: 400, height: 400 };
  const natural = { width: 800, height: 400 };

  it('maps a client point to image pixels through the letterbox', () => {
    expect(clientToImage({ x: 10 + 200, y: 20 + 100 + 100 }, element, natural)).toEqual({ x: 400, y: 200 });
  });

  it('is null in the bars outside the picture', () => {
    expect(clientToImage({ x: 110, y: 30 }, element, natural)).toBeNull();
  });
});

describe('hitTest', () => {
  const line = { x: 0, y: 0, width: 100, height: 20 };
  const word = { x: 10, y: 2, width: 30, height: 16 };

  it('prefers the smallest box under the point, so nested boxes stay reachable', () => {
    expect(hitTest({ x: 20, y: 10 }, [line, word])).toBe(1);
    expect(hitTest({ x: 80, y: 10 }, [line, word])).toBe(0);
  });

  it('is -1 when no box is under the point', () => {
    expect(hitTest({ x: 200, y: 200 }, [line, word])).toBe(-1);
  });
});

describe('labelPlacement', () => {
  const image = { width: 200, height: 100 };
  const label = { width: 50, height: 10 };

  it('puts the label above the box when there is room', () => {
    expect(labelPlacement({ x: 20, y: 40, width: 50, height: 20 }, label, image)).toEqual({
      x: 20,
      y: 30,
      inside: false,
    });
  });

  it('puts it below a box touching the top', () => {
    expect(labelPlacement({ x: 20, y: 0, width: 50, height: 20 }, label, image)).toEqual({
      x: 20,
      y: 20,
      inside: false,
    });
  });

  it('goes inside only when the box fills the image, and stays within the width', () => {
    expect(labelPlacement({ x: 180, y: 0, width: 20, height: 100 }, label, image)).toEqual({
      x: 150,
      y: 0,
      inside: true,
    });
  });
});

describe('placeLabels', () => {
  const image = { width: 400, height: 300 };
  const label = { width: 60, height: 12 };

  it('puts each label above its box, like labelPlacement, when nothing is in the way', () => {
    expect(placeLabels([{ box: { x: 20, y: 100, width: 50, height: 40 }, label }], image)).toEqual([
      { x: 20, y: 88, inside: false },
    ]);
  });

  it('moves a label below its box when the spot above is taken by an earlier label', () => {
    const first = { box: { x: 20, y: 100, width: 80, height: 40 }, label };
    const second = { box: { x: 30, y: 102, width: 80, height: 40 }, label };
    const [a, b] = placeLabels([first, second], image);
    expect(a).toEqual({ x: 20, y: 88, inside: false });
    expect(b).toEqual({ x: 30, y: 142, inside: false });
  });

  it('tries the right-aligned spot when the left one is taken and there is no room below', () => {
    const first = { box: { x: 20, y: 100, width: 50, height: 40 }, label };
    // Reaches the bottom of the image: nothing fits below it.
    const second = { box: { x: 20, y: 100, width: 200, height: 200 }, label };
    expect(placeLabels([first, second], image)[1]).toEqual({ x: 160, y: 88, inside: false });
  });

  it('overlaps rather than hides when no spot is free, and stays inside the image', () => {
    const box = { x: 0, y: 0, width: 400, height: 300 };
    expect(
      placeLabels(
        [
          { box, label },
          { box, label },
        ],
        image,
      ),
    ).toEqual([
      { x: 0, y: 0, inside: true },
      { x: 0, y: 0, inside: true },
    ]);
  });

  it('keeps labels of boxes at the right edge inside the image', () => {
    expect(placeLabels([{ box: { x: 380, y: 100, width: 20, height: 20 }, label }], image)[0]?.x).toBe(340);
  });
});

describe('hitTestGrid', () => {
  const image = { width: 1000, height: 800 };
  const line = { x: 0, y: 0, width: 100, height: 20 };
  const word = { x: 10, y: 2, width: 30, height: 16 };

  it('answers like hitTest, smallest box first', () => {
    const index = buildGridIndex([line, word], image);
    expect(hitTestGrid(index, { x: 20, y: 10 })).toBe(1);
    expect(hitTestGrid(index, { x: 80, y: 10 })).toBe(0);
    expect(hitTestGrid(index, { x: 500, y: 500 })).toBe(-1);
  });

  it('skips boxes that are not drawn (null) and points off the image', () => {
    const index = buildGridIndex([null, word], image);
    expect(hitTestGrid(index, { x: 5, y: 5 })).toBe(-1);
    expect(hitTestGrid(index, { x: 20, y: 10 })).toBe(1);
    expect(hitTestGrid(index, { x: -1, y: 10 })).toBe(-1);
    expect(hitTestGrid(index, { x: 2000, y: 10 })).toBe(-1);
  });

  it('finds a box spanning many cells from any of them, and a point on the far edge', () => {
    const big = { x: 100, y: 100, width: 900, height: 700 };
    const many = Array.from({ length: 200 }, (_, i) => ({
      x: (i % 20) * 5,
      y: Math.floor(i / 20) * 5,
      width: 4,
      height: 4,
    }));
    const index = buildGridIndex([...many, big], image);
    expect(index.cellSize).toBeLessThan(200);
    expect(hitTestGrid(index, { x: 999, y: 799 })).toBe(200);
    expect(hitTestGrid(index, { x: 1000, y: 800 })).toBe(200);
    expect(hitTestGrid(index, { x: 101, y: 101 })).toBe(200);
  });

  it('agrees with the linear hitTest on 5,000 random boxes', () => {
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const rects = Array.from({ length: 5000 }, () => {
      const x = random() * 980;
      const y = random() * 780;
      return { x, y, width: 2 + random() * 60, height: 2 + random() * 60 };
    });
    const index = buildGridIndex(rects, image);
    for (let i = 0; i < 500; i += 1) {
      const point = { x: random() * 1000, y: random() * 800 };
      expect(hitTestGrid(index, point)).toBe(hitTest(point, rects));
    }
  });
});

describe('fitPoints', () => {
  it('fits points into the plot with equal scales on both axes, y pointing up', () => {
    const toPlot = fitPoints(
      [
        { x: -1, y: 0 },
        { x: 1, y: 0.5 },
      ],
      { width: 220, height: 120 },
      10,
    );
    expect(toPlot({ x: -1, y: 0 })).toEqual({ x: 10, y: 85 });
    expect(toPlot({ x: 1, y: 0.5 })).toEqual({ x: 210, y: 35 });
  });

  it('puts a single point in the middle', () => {
    expect(
      fitPoints([{ x: 0.21, y: -0.25 }], { width: 200, height: 100 }, 10)({ x: 0.21, y: -0.25 }),
    ).toEqual({ x: 100, y: 50 });
  });
});

describe('boxToPixels under object-fit: contain', () => {
  it('lands on the displayed picture after the letterbox offset', () => {
    const natural = { width: 800, height: 400 };
    const rect = boxToPixels({ top_row: 0.25, left_col: 0.5, bottom_row: 0.75, right_col: 1 }, natural);
    const shown = containRect({ width: 400, height: 400 }, natural);
    // The box's top-left corner, in the element's client pixels: bars of 100 px above and below.
    expect({ x: shown.x + rect.x * shown.scale, y: shown.y + rect.y * shown.scale }).toEqual({
      x: 200,
      y: 150,
    });
    expect(clientToImage({ x: 200, y: 150 }, { x: 0, y: 0, width: 400, height: 400 }, natural)).toEqual({
      x: 400,
      y: 100,
    });
  });
});

describe('placeLabels beside labels already drawn', () => {
  it('keeps a label off a spot another set took', () => {
    const box = { x: 100, y: 100, width: 200, height: 100 };
    const label = { width: 80, height: 20 };
    const image = { width: 1000, height: 1000 };
    const [alone] = placeLabels([{ box, label }], image);
    expect(alone).toMatchObject({ x: 100, y: 80 });
    const [beside] = placeLabels([{ box, label }], image, [{ x: 100, y: 80, ...label }]);
    expect(beside).toMatchObject({ x: 100, y: 200 });
  });
});
