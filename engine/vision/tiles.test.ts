import { describe, expect, it } from 'vitest';
import { planTiles, upscaleTiled, type PredictTile, type RgbPixels } from './models/tiles';

/**
 * A stand-in for a convolutional upscaler with a known receptive field: a box blur of `radius`
 * (edges clamped), then nearest-neighbour ×2. Tiling must not change its output as long as the
 * tiles carry at least `radius` pixels of context.
 */
function blurModel(radius: number): PredictTile {
  return async (input, width, height) => {
    const out = new Float32Array(width * 2 * height * 2 * 3);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        for (let c = 0; c < 3; c++) {
          let sum = 0;
          let n = 0;
          for (let dy = -radius; dy <= radius; dy++) {
            for (let dx = -radius; dx <= radius; dx++) {
              const yy = Math.min(height - 1, Math.max(0, y + dy));
              const xx = Math.min(width - 1, Math.max(0, x + dx));
              sum += input[(yy * width + xx) * 3 + c] ?? 0;
              n++;
            }
          }
          for (const [oy, ox] of [[0, 0], [0, 1], [1, 0], [1, 1]] as const) out[((y * 2 + oy) * width * 2 + x * 2 + ox) * 3 + c] = Math.round(sum / n);
        }
      }
    }
    return out;
  };
}

function noise(width: number, height: number): RgbPixels {
  const data = new Uint8Array(width * height * 3);
  for (let i = 0; i < data.length; i++) data[i] = (i * 2654435761) % 251;
  return { data, width, height };
}

describe('planTiles', () => {
  it('covers every pixel exactly once, with context clipped to the image', () => {
    const width = 300;
    const height = 140;
    const seen = new Uint8Array(width * height);
    for (const t of planTiles(width, height, 128, 8)) {
      expect(t.inX).toBeGreaterThanOrEqual(0);
      expect(t.inX + t.inWidth).toBeLessThanOrEqual(width);
      expect(t.inX).toBeLessThanOrEqual(t.x);
      expect(t.inX + t.inWidth).toBeGreaterThanOrEqual(t.x + t.width);
      for (let y = t.y; y < t.y + t.height; y++) for (let x = t.x; x < t.x + t.width; x++) seen[y * width + x] = (seen[y * width + x] ?? 0) + 1;
    }
    expect(seen.every((count) => count === 1)).toBe(true);
  });
});

describe('upscaleTiled', () => {
  const image = noise(70, 45);

  it('gives exactly the whole-image result when tiles carry enough context', async () => {
    const whole = await upscaleTiled(image, 2, blurModel(3), undefined, 1000, 0);
    const tiled = await upscaleTiled(image, 2, blurModel(3), undefined, 16, 3);
    expect(whole).toHaveLength(140 * 90 * 3);
    expect(Buffer.from(tiled).equals(Buffer.from(whole))).toBe(true);
  });

  it('shows seams without context (so the test above can fail)', async () => {
    const whole = await upscaleTiled(image, 2, blurModel(3), undefined, 1000, 0);
    const tiled = await upscaleTiled(image, 2, blurModel(3), undefined, 16, 0);
    expect(Buffer.from(tiled).equals(Buffer.from(whole))).toBe(false);
  });

  it('stops when beforeTile throws, and refuses a model answering the wrong size', async () => {
    let calls = 0;
    const stop = () => {
      if (++calls > 2) throw new Error('cancelled');
    };
    await expect(upscaleTiled(image, 2, blurModel(1), stop, 16, 1)).rejects.toThrow('cancelled');
    expect(calls).toBe(3);
    await expect(upscaleTiled(image, 4, blurModel(1))).rejects.toThrow(/returned/);
  });
});
