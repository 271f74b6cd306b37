/**
 * Super-resolution with UpscalerJS's RDN models (MIT, Kevin Scott): ×2 from
 * @upscalerjs/default-model, ×4 from @upscalerjs/esrgan-slim. Both take and return 0..255 RGB and
 * are fully convolutional, so the image is processed in tiles (tiles.ts): the model's memory stays
 * bounded by the tile size instead of growing with the image, and cancellation is checked between
 * tiles. Only the output buffer grows with the image, and `maxOutputPixels` bounds it.
 */
import type { LayersModel } from '@tensorflow/tfjs';
import sharp from 'sharp';
import { ownedBytes } from '../bytes';
import { VisionError } from '../errors';
import { op, throwIfCancelled, type ModelHandlers, type OpContext } from '../handlers';
import { modelFiles } from '../model-files';
import { visionSpecs } from '../protocol';
import { decodeRgb, loadLayersModelFile, tf } from '../runtime';
import { upscaleTiled } from './tiles';

/**
 * Runs the model on one tile: `input` is 0..255 RGB, `width` x `height`; the result must be
 * `width * scale` x `height * scale` RGB.
 */
async function predictTile(model: LayersModel, input: Float32Array, width: number, height: number): Promise<Int32Array> {
  const output = tf.tidy(() => {
    const result = model.predict(tf.tensor4d(input, [1, height, width, 3]));
    if (Array.isArray(result)) throw new Error('upscaler returned several outputs');
    return tf.cast(tf.round(tf.clipByValue(result, 0, 255)), 'int32');
  });
  try {
    return await output.data<'int32'>();
  } finally {
    output.dispose();
  }
}

async function loadUpscaler(jsonPath: string, scale: number) {
  const model = await loadLayersModelFile(jsonPath);
  return async (image: Uint8Array, maxOutputPixels: number, ctx: OpContext) => {
    const rgb = await decodeRgb(image);
    const width = rgb.width * scale;
    const height = rgb.height * scale;
    if (width * height > maxOutputPixels) {
      throw new VisionError(
        'too_large',
        `upscaling ${rgb.width}x${rgb.height} by ${scale} would make ${width}x${height}, over the limit of ${(maxOutputPixels / 1e6).toFixed(1)} megapixels: use a smaller image`,
      );
    }
    const raw = await upscaleTiled(rgb, scale, (input, w, h) => predictTile(model, input, w, h), () => throwIfCancelled(ctx));
    const png = ownedBytes(await sharp(raw, { raw: { width, height, channels: 3 } }).png({ compressionLevel: 6 }).toBuffer());
    return { result: { png, width, height }, transfer: [png.buffer] };
  };
}

export async function loadUpscaleX2(): Promise<ModelHandlers<'upscale-x2'>> {
  const run = await loadUpscaler(modelFiles().upscaleX2Json, 2);
  return { upscale: op(visionSpecs['upscale-x2'].upscale.payload, ({ image, maxOutputPixels }, ctx) => run(image, maxOutputPixels, ctx)) };
}

export async function loadUpscaleX4(): Promise<ModelHandlers<'upscale-x4'>> {
  const run = await loadUpscaler(modelFiles().upscaleX4Json, 4);
  return { upscale: op(visionSpecs['upscale-x4'].upscale.payload, ({ image, maxOutputPixels }, ctx) => run(image, maxOutputPixels, ctx)) };
}
