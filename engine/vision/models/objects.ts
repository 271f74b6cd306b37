/**
 * COCO object detection (80 classes): CenterNet with a MobileNetV3 backbone (MIT, trained by
 * 610265158, converted by vladmandic) through Human, which decodes its output and runs NMS.
 * Modest accuracy: it misses small objects and sometimes merges neighbours. Runs in a worker.
 */
import type { Config } from '@vladmandic/human';
import { boxFromXywh, isValidBox } from '../geometry';
import { op, type ModelHandlers } from '../handlers';
import { visionSpecs } from '../protocol';
import { decodeRgb, getHuman, humanConfig, imageTensor } from '../runtime';

/** CenterNet's input is 512 px square; larger decodes only cost time. */
const MAX_SIDE = 1024;

function objectConfig(minConfidence: number, maxObjects: number, iouThreshold: number): Partial<Config> {
  return humanConfig({
    face: { enabled: false },
    object: { enabled: true, minConfidence, maxDetected: maxObjects, iouThreshold, skipFrames: 0, skipTime: 0 },
  });
}

export async function loadObjectDetector(): Promise<ModelHandlers<'objects'>> {
  const human = await getHuman();
  await human.load(objectConfig(0.3, 20, 0.4));
  return {
    detect: op(visionSpecs.objects.detect.payload, async ({ image, minConfidence, maxObjects, iouThreshold }) => {
      const rgb = await decodeRgb(image, { maxSide: MAX_SIDE });
      const input = imageTensor(rgb);
      try {
        const result = await human.detect(input, objectConfig(minConfidence, maxObjects, iouThreshold));
        if (result.error) throw new Error(`object detector: ${result.error}`);
        const objects = result.object
          .map((o) => ({ box: boxFromXywh(o.boxRaw), score: o.score, concept: { id: o.label, name: o.label, value: o.score } }))
          .filter((o) => o.score >= minConfidence && isValidBox(o.box))
          .sort((a, b) => b.score - a.score);
        return { result: { objects, width: rgb.sourceWidth, height: rgb.sourceHeight } };
      } finally {
        input.dispose();
      }
    }),
  };
}
