import { describe, expect, it } from 'vitest';
import { boxToPixels, clientToImage, containRect, hitTest, labelPlacement } from '@/lib/geometry';

describe('boxToPixels', () => {
  it('scales fractions by the image size', () => {
    expect(boxToPixels({ top_row: 0.1, left_col: 0.2, bottom_row: 0.5, right_col: 0.7 }, { width: 1000, height: 500 })).toEqual({
      x: 200,
      y: 50,
      width: 500,
      height: 200,
    });
  });

  it('reads a missing edge as 0, as protobuf does', () => {
    expect(boxToPixels({ bottom_row: 0.5, right_col: 0.5 }, { width: 100, height: 100 })).toEqual({ x: 0, y: 0, width: 50, height: 50 });
  });

  it('clamps to the image and orders swapped edges', () => {
    expect(boxToPixels({ top_row: 1.2, bottom_row: 0.5, left_col: 0.9, right_col: -0.1 }, { width: 100, height: 200 })).toEqual({
      x: 0,
      y: 100,
      width: 90,
      height: 100,
    });
  });
});

describe('containRect', () => {
  it('letterboxes a wide image in a square box', () => {
    expect(containRect({ width: 400, height: 400 }, { width: 800, height: 400 })).toEqual({ x: 0, y: 100, width: 400, height: 200, scale: 0.5 });
  });

  it('pillarboxes a tall image', () => {
    expect(containRect({ width: 400, height: 200 }, { width: 100, height: 200 })).toEqual({ x: 150, y: 0, width: 100, height: 200, scale: 1 });
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
    expect(labelPlacement({ x: 20, y: 40, width: 50, height: 20 }, label, image)).toEqual({ x: 20, y: 30, inside: false });
  });

  it('puts it below a box touching the top', () => {
    expect(labelPlacement({ x: 20, y: 0, width: 50, height: 20 }, label, image)).toEqual({ x: 20, y: 20, inside: false });
  });

  it('goes inside only when the box fills the image, and stays within the width', () => {
    expect(labelPlacement({ x: 180, y: 0, width: 20, height: 100 }, label, image)).toEqual({ x: 150, y: 0, inside: true });
  });
});
