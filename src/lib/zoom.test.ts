import { describe, expect, it } from 'vitest';
import {
  IDENTITY,
  clampTransform,
  contentToViewport,
  panBy,
  pinch,
  transformCss,
  viewportToContent,
  wheelZoomFactor,
  zoomAround,
} from '@/lib/zoom';

const viewport = { width: 400, height: 200 };

describe('zoomAround', () => {
  it('keeps the content point under the pointer in place', () => {
    const anchor = { x: 100, y: 50 };
    const before = viewportToContent(IDENTITY, anchor);
    const zoomed = zoomAround(IDENTITY, 2, anchor, viewport);
    expect(zoomed).toEqual({ scale: 2, x: -100, y: -50 });
    expect(contentToViewport(zoomed, before)).toEqual(anchor);
  });

  it('zooms out back to the whole picture and never below the minimum', () => {
    const zoomed = zoomAround(IDENTITY, 4, { x: 300, y: 150 }, viewport);
    expect(zoomAround(zoomed, 0.1, { x: 10, y: 10 }, viewport)).toEqual(IDENTITY);
  });

  it('stops at the maximum scale', () => {
    expect(zoomAround(IDENTITY, 1000, { x: 0, y: 0 }, viewport, { min: 1, max: 8 }).scale).toBe(8);
  });

  it('zooming around the centre keeps the centre', () => {
    const centre = { x: 200, y: 100 };
    const zoomed = zoomAround(IDENTITY, 3, centre, viewport);
    expect(viewportToContent(zoomed, centre)).toEqual(centre);
  });
});

describe('panBy', () => {
  it('moves zoomed content with the drag', () => {
    const zoomed = { scale: 2, x: -100, y: -50 };
    expect(panBy(zoomed, 30, -20, viewport)).toEqual({ scale: 2, x: -70, y: -70 });
  });

  it('never opens an empty band at an edge', () => {
    const zoomed = { scale: 2, x: -100, y: -50 };
    expect(panBy(zoomed, 500, 500, viewport)).toEqual({ scale: 2, x: 0, y: 0 });
    expect(panBy(zoomed, -5000, -5000, viewport)).toEqual({ scale: 2, x: -400, y: -200 });
  });

  it('cannot pan the unzoomed picture', () => {
    expect(panBy(IDENTITY, 40, 40, viewport)).toEqual(IDENTITY);
  });
});

describe('clampTransform', () => {
  it('centres content smaller than the viewport', () => {
    expect(clampTransform({ scale: 0.5, x: 0, y: 0 }, viewport)).toEqual({ scale: 0.5, x: 100, y: 50 });
  });
});

describe('pinch', () => {
  it('spreading two fingers to twice the distance doubles the scale around their midpoint', () => {
    const before = [
      { x: 150, y: 100 },
      { x: 250, y: 100 },
    ] as const;
    const after = [
      { x: 100, y: 100 },
      { x: 300, y: 100 },
    ] as const;
    const zoomed = pinch(IDENTITY, before, after, viewport);
    expect(zoomed.scale).toBe(2);
    expect(viewportToContent(zoomed, { x: 200, y: 100 })).toEqual({ x: 200, y: 100 });
  });

  it('moving both fingers together pans', () => {
    const zoomed = { scale: 2, x: -100, y: -50 };
    const before = [
      { x: 100, y: 100 },
      { x: 200, y: 100 },
    ] as const;
    const after = [
      { x: 110, y: 90 },
      { x: 210, y: 90 },
    ] as const;
    expect(pinch(zoomed, before, after, viewport)).toEqual({ scale: 2, x: -90, y: -60 });
  });
});

describe('wheelZoomFactor', () => {
  it('zooms in on wheel up and out on wheel down, symmetrically', () => {
    expect(wheelZoomFactor(-100)).toBeGreaterThan(1);
    expect(wheelZoomFactor(100)).toBeLessThan(1);
    expect(wheelZoomFactor(-100) * wheelZoomFactor(100)).toBeCloseTo(1);
  });

  it('reads line-mode deltas as pixels and caps huge jumps', () => {
    expect(wheelZoomFactor(-3, 1)).toBeCloseTo(wheelZoomFactor(-48));
    expect(wheelZoomFactor(-10_000)).toBe(wheelZoomFactor(-200));
  });
});

it('writes the transform as CSS', () => {
  expect(transformCss({ scale: 2, x: -10, y: 5 })).toBe('translate(-10px, 5px) scale(2)');
});
