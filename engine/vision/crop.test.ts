import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { VisionError } from './errors';
import { cropRegions } from './models/crop';

/** 200x100: left half red, right half blue, with a green 20x20 square at (140, 40). */
async function synthetic(): Promise<Buffer> {
  const green = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#00ff00' } }).png().toBuffer();
  const blue = await sharp({ create: { width: 100, height: 100, channels: 3, background: '#0000ff' } }).png().toBuffer();
  return sharp({ create: { width: 200, height: 100, channels: 3, background: '#ff0000' } })
    .composite([
      { input: blue, left: 100, top: 0 },
      { input: green, left: 140, top: 40 },
    ])
    .png()
    .toBuffer();
}

async function meanColour(image: Buffer): Promise<[number, number, number]> {
  const { channels } = await sharp(image).stats();
  return [channels[0]?.mean ?? 0, channels[1]?.mean ?? 0, channels[2]?.mean ?? 0];
}

describe('cropRegions', () => {
  it('cuts the grown box around its centre, in the boxes order', async () => {
    const image = await synthetic();
    const green = { top_row: 0.4, left_col: 0.7, bottom_row: 0.6, right_col: 0.8 };
    const red = { top_row: 0.1, left_col: 0.1, bottom_row: 0.3, right_col: 0.2 };
    const { crops, timeMs } = await cropRegions(image, [green, red], { margin: 1, format: 'png' });
    expect(timeMs).toBeGreaterThan(0);
    expect(crops.map((c) => [c.width, c.height, c.format])).toEqual([
      [20, 20, 'png'],
      [20, 20, 'png'],
    ]);
    expect(await meanColour(crops[0]?.image ?? Buffer.alloc(0))).toEqual([0, 255, 0]);
    expect(await meanColour(crops[1]?.image ?? Buffer.alloc(0))).toEqual([255, 0, 0]);
  });

  it('grows by the margin (1.1 = 110%) and reports the box it actually cut', async () => {
    const image = await synthetic();
    const { crops } = await cropRegions(image, [{ top_row: 0.4, left_col: 0.7, bottom_row: 0.6, right_col: 0.8 }], { margin: 2 });
    const crop = crops[0];
    expect([crop?.width, crop?.height]).toEqual([40, 40]);
    expect(crop?.box.left_col).toBeCloseTo(0.65);
    expect(crop?.box.top_row).toBeCloseTo(0.3);
    expect(crop?.box.right_col).toBeCloseTo(0.85);
    expect(crop?.box.bottom_row).toBeCloseTo(0.7);
    expect((await sharp(crop?.image).metadata()).format).toBe('jpeg');
    // The green square is the middle quarter of the crop; the rest is blue.
    const [r, g, b] = await meanColour(crop?.image ?? Buffer.alloc(0));
    expect(r).toBeLessThan(20);
    expect(g).toBeGreaterThan(50);
    expect(g).toBeLessThan(80);
    expect(b).toBeGreaterThan(170);
  });

  it('clamps a box grown past the image edge', async () => {
    const image = await synthetic();
    const { crops } = await cropRegions(image, [{ top_row: 0, left_col: 0, bottom_row: 0.5, right_col: 0.25 }], { margin: 1.5 });
    // Grown: rows -0.125..0.625, cols -0.0625..0.3125; clamped at 0 and rounded outwards to pixels.
    expect(crops[0]?.box).toEqual({ top_row: 0, left_col: 0, bottom_row: 0.63, right_col: 0.315 });
    expect([crops[0]?.width, crops[0]?.height]).toEqual([63, 63]);
  });

  it('reads boxes against the image as displayed (EXIF orientation applied)', async () => {
    // Stored 200x100, displayed rotated 90 degrees: 100 wide, 200 tall, red on top.
    const stored = await sharp(await synthetic()).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    const { crops } = await cropRegions(stored, [{ top_row: 0, left_col: 0, bottom_row: 0.5, right_col: 1 }], { margin: 1, format: 'png' });
    expect([crops[0]?.width, crops[0]?.height]).toEqual([100, 100]);
    const [r, , b] = await meanColour(crops[0]?.image ?? Buffer.alloc(0));
    expect(r).toBeGreaterThan(200);
    expect(b).toBeLessThan(40);
  });

  it('answers 30300 for bytes that are not an image', async () => {
    const error: unknown = await cropRegions(Buffer.from('not an image'), [{ top_row: 0, left_col: 0, bottom_row: 1, right_col: 1 }]).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(VisionError);
    expect(error).toMatchObject({ code: 30300, kind: 'bad_input' });
  });
});
