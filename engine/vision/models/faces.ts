/**
 * Face detection: BlazeFace (MediaPipe, Apache-2.0) through Human, which owns the anchor decoding
 * and per-window non-max suppression. The image is scanned in square windows (face-windows.ts)
 * so wide photos and small faces are found. Runs in a vision worker.
 */
import type { Config } from '@vladmandic/human';
import { boxFromXywh, isValidBox } from '../geometry';
import { op, throwIfCancelled, type ModelHandlers } from '../handlers';
import { visionSpecs } from '../protocol';
import { decodeRgb, getHuman, humanConfig, imageTensor, tf } from '../runtime';
import { mergeDetections, planWindows, toImage, type ImageDetection } from './face-windows';

/**
 * Each window is shrunk to 256 px by the detector, so beyond this decoding only costs time
 * (boxes are fractions: the downscale does not change them).
 */
const MAX_SIDE = 2048;

/**
 * Human grows BlazeFace's tight box (brows to chin) by `scale`. 1.2 takes in the forehead and
 * chin like typical face-detector boxes; a following margin-110 crop then gives the attribute
 * models about the 1.3-1.4x context Human itself feeds them.
 */
const BOX_SCALE = 1.2;

function faceConfig(minConfidence: number, maxFaces: number): Partial<Config> {
  return humanConfig({
    face: {
      enabled: true,
      detector: {
        enabled: true,
        rotation: false,
        maxDetected: maxFaces,
        minConfidence,
        scale: BOX_SCALE,
        skipFrames: 0,
        skipTime: 0,
        return: false,
      },
      mesh: { enabled: false },
      attention: { enabled: false },
      iris: { enabled: false },
      emotion: { enabled: false },
      description: { enabled: false },
      antispoof: { enabled: false },
      liveness: { enabled: false },
    },
    object: { enabled: false },
  });
}

export async function loadFaceDetector(): Promise<ModelHandlers<'faces'>> {
  const human = await getHuman();
  await human.load(faceConfig(0.5, 20));
  return {
    detect: op(visionSpecs.faces.detect.payload, async ({ image, minConfidence, maxFaces }, ctx) => {
      const rgb = await decodeRgb(image, { maxSide: MAX_SIDE });
      const input = imageTensor(rgb);
      const config = faceConfig(minConfidence, maxFaces);
      const found: ImageDetection[] = [];
      try {
        for (const window of planWindows(rgb.width, rgb.height)) {
          throwIfCancelled(ctx);
          const crop = tf.slice(input, [0, window.y, window.x, 0], [1, window.side, window.side, 3]);
          try {
            const result = await human.detect(crop, config);
            if (result.error) throw new Error(`face detector: ${result.error}`);
            const inWindow = result.face.map((face) => ({ box: boxFromXywh(face.boxRaw), score: face.boxScore }));
            found.push(...toImage(window, inWindow, rgb.width, rgb.height));
          } finally {
            crop.dispose();
          }
        }
      } finally {
        input.dispose();
      }
      const faces = mergeDetections(found.filter((face) => face.score >= minConfidence && isValidBox(face.box))).slice(0, maxFaces);
      return { result: { faces, width: rgb.sourceWidth, height: rgb.sourceHeight } };
    }),
  };
}
