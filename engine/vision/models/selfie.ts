/**
 * Person segmentation: MediaPipe Selfie Segmentation (Apache-2.0; converted to tfjs by PINTO0309
 * and vladmandic; files in ./selfie/). One channel, person vs background, at 256x256; the mask is
 * scaled back to the input's size with sharp so it lines up pixel for pixel with the image.
 */
import sharp from 'sharp';
import { op, type ModelHandlers } from '../handlers';
import { modelFiles } from '../model-files';
import { visionSpecs } from '../protocol';
import { ownedBytes } from '../bytes';
import { decodeRgb, loadGraphModelFile, tf } from '../runtime';

const SIZE = 256;

export async function loadSelfie(): Promise<ModelHandlers<'selfie'>> {
  const model = await loadGraphModelFile(modelFiles().selfieJson);
  return {
    segment: op(visionSpecs.selfie.segment.payload, async ({ image, threshold }) => {
      const rgb = await decodeRgb(image, { exact: { width: SIZE, height: SIZE } });
      const output = tf.tidy(() => {
        const input = tf.div(tf.tensor4d(Float32Array.from(rgb.data), [1, SIZE, SIZE, 3]), 255);
        const out = model.predict(input);
        if (Array.isArray(out) || !(out instanceof tf.Tensor)) throw new Error('selfie model returned an unexpected output');
        // Probabilities as 0..255 bytes: sharp scales bytes, and 8 bits is plenty before a threshold.
        return tf.cast(tf.round(tf.mul(tf.clipByValue(out, 0, 1), 255)), 'int32');
      });
      let probabilities: Uint8Array;
      try {
        probabilities = Uint8Array.from(await output.data<'int32'>());
      } finally {
        output.dispose();
      }
      const { sourceWidth: width, sourceHeight: height } = rgb;
      // Upscale the soft probabilities first and threshold after, so edges are smooth, not blocky.
      const level = Math.min(255, Math.max(1, Math.round(threshold * 255)));
      const mask = await sharp(probabilities, { raw: { width: SIZE, height: SIZE, channels: 1 } })
        .resize(width, height, { fit: 'fill', kernel: 'cubic' })
        .threshold(level, { greyscale: true })
        .extractChannel(0)
        .raw()
        .toBuffer();
      let person = 0;
      for (const value of mask) if (value !== 0) person++;
      // sharp writes sRGB unless told otherwise; a mask is one grey channel.
      const png = await sharp(mask, { raw: { width, height, channels: 1 } }).toColourspace('b-w').png({ compressionLevel: 6 }).toBuffer();
      const bytes = ownedBytes(png);
      return { result: { mask: bytes, width, height, personShare: person / (width * height) }, transfer: [bytes.buffer] };
    }),
  };
}
