/**
 * One runner factory per vision model kind, each a thin `createVisionRunner` over engine/vision.
 * Which model id uses which factory (and with which defaults) is decided in models/catalog.ts.
 */
import sharp from 'sharp';
import { StatusCode } from '../../../contract/clarifai';
import { newId } from '../../ids';
import type { FaceAttributeName } from '../../vision';
import { cropRegions } from '../../vision/models/crop';
import type { Runner } from '../types';
import type { VisionHost } from './host';
import {
  ClassifierParams,
  CropParams,
  DetectorParams,
  NoParams,
  ObjectDetectorParams,
  SegmenterParams,
  UpscaleParams,
} from './params';
import { answerTargets, createVisionRunner } from './runner';
import {
  cropRegion,
  detectionData,
  embeddingData,
  encodedImage,
  limitConcepts,
  segmentationData,
} from './shape';
import { fullBox, ItemFailure, wholeImage } from './sources';

const FACE = { id: 'face', name: 'face' } as const;

/** BlazeFace: one region per face, concept `face`. */
export function createFaceDetectorRunner(model: string, host: VisionHost): Runner {
  return createVisionRunner({
    model,
    host,
    params: DetectorParams,
    async run({ item, params, call }) {
      const image = wholeImage(item, model);
      const found = await call((vision, options) =>
        vision.detectFaces(image, { minConfidence: params.min_value, maxFaces: params.max_objects }, options),
      );
      const detections = found.faces.map((face) => ({
        box: face.box,
        score: face.score,
        concept: { ...FACE, value: face.score },
      }));
      return { data: detectionData(detections, newId), timeMs: found.timeMs };
    },
  });
}

/** CenterNet, the 80 COCO classes. */
export function createObjectDetectorRunner(model: string, host: VisionHost): Runner {
  return createVisionRunner({
    model,
    host,
    params: ObjectDetectorParams,
    async run({ item, params, call }) {
      const image = wholeImage(item, model);
      const found = await call((vision, options) =>
        vision.detectObjects(
          image,
          {
            minConfidence: params.min_value,
            maxObjects: params.max_objects,
            iouThreshold: params.iou_threshold,
          },
          options,
        ),
      );
      return { data: detectionData(found.objects, newId), timeMs: found.timeMs };
    },
  });
}

/**
 * Clarifai's image-crop models: every region of the node before (a detector) cut out with its box
 * grown by `margin`, as new regions carrying the JPEG. Needs no worker: sharp cuts in libuv's pool.
 */
export function createCropRunner(model: string): Runner {
  return createVisionRunner({
    model,
    params: CropParams,
    async run({ item, params }) {
      const parent = item.parents.find((data) => data.regions !== undefined);
      if (!parent) {
        throw new ItemFailure(
          StatusCode.INPUT_INVALID_ARGUMENT,
          `${model} crops the regions found by the node before it: put it after a detector`,
        );
      }
      const boxes = (parent.regions ?? []).map((region, index) => {
        const box = fullBox(region.region_info?.bounding_box);
        if (!box) {
          throw new ItemFailure(
            StatusCode.INPUT_INVALID_ARGUMENT,
            `${model}: region ${index + 1} has no bounding box to crop`,
          );
        }
        return box;
      });
      if (boxes.length === 0) return { data: { regions: [] }, timeMs: 0 };
      const { crops, timeMs } = await cropRegions(wholeImage(item, model), boxes, { margin: params.margin });
      return { data: { regions: crops.map((crop) => cropRegion(crop, newId())) }, timeMs };
    },
  });
}

/** Emotion, age or gender of each face crop (or of the whole image when no detector came before). */
export function createFaceAttributeRunner(
  model: string,
  attribute: Exclude<FaceAttributeName, 'embedding'>,
  host: VisionHost,
): Runner {
  return createVisionRunner({
    model,
    host,
    params: ClassifierParams,
    run: ({ item, params, call }) =>
      answerTargets(item, model, async (image) => {
        const result = await call((vision, options) => vision.faceAttributes(image, [attribute], options));
        const concepts = result[attribute];
        if (!concepts) throw new Error(`the face model returned no ${attribute}`);
        return { data: { concepts: limitConcepts(concepts, params) }, timeMs: result.timeMs };
      }),
  });
}

/** FaceRes's 1024-d face descriptor, per face crop. */
export function createFaceEmbedderRunner(model: string, host: VisionHost): Runner {
  return createVisionRunner({
    model,
    host,
    params: NoParams,
    run: ({ item, call }) =>
      answerTargets(item, model, async (image) => {
        const result = await call((vision, options) => vision.faceAttributes(image, ['embedding'], options));
        if (!result.embedding) throw new Error('the face model returned no embedding');
        return { data: embeddingData(result.embedding), timeMs: result.timeMs };
      }),
  });
}

/** nsfwjs's MobileNetV2 features: a 1280-d general image embedding (per crop after a crop node). */
export function createImageEmbedderRunner(model: string, host: VisionHost): Runner {
  return createVisionRunner({
    model,
    host,
    params: NoParams,
    run: ({ item, call }) =>
      answerTargets(item, model, async (image) => {
        const result = await call((vision, options) => vision.embedImage(image, options));
        return { data: embeddingData(result.vector), timeMs: result.timeMs };
      }),
  });
}

/** nsfwjs's five classes: drawing, hentai, neutral, porn, sexy. */
export function createModerationRunner(model: string, host: VisionHost): Runner {
  return createVisionRunner({
    model,
    host,
    params: ClassifierParams,
    run: ({ item, params, call }) =>
      answerTargets(item, model, async (image) => {
        const result = await call((vision, options) => vision.moderate(image, options));
        return { data: { concepts: limitConcepts(result.concepts, params) }, timeMs: result.timeMs };
      }),
  });
}

/** MediaPipe selfie: a `person` region with its mask, and optionally the inverted `background`. */
export function createPersonSegmenterRunner(model: string, host: VisionHost): Runner {
  return createVisionRunner({
    model,
    host,
    params: SegmenterParams,
    async run({ item, params, call }) {
      const image = wholeImage(item, model);
      const result = await call((vision, options) =>
        vision.segmentPerson(image, { threshold: params.threshold }, options),
      );
      const { width, height } = result;
      const classes = [
        { name: 'person', mask: { png: result.mask, width, height, share: result.personShare } },
      ];
      let timeMs = result.timeMs;
      if (params.background) {
        const started = performance.now();
        const inverted = await sharp(result.mask).negate().toColourspace('b-w').png().toBuffer();
        timeMs += performance.now() - started;
        classes.push({
          name: 'background',
          mask: { png: inverted, width, height, share: 1 - result.personShare },
        });
      }
      return { data: segmentationData(classes, newId), timeMs };
    },
  });
}

/** RDN super-resolution, x2 or x4, as a PNG in `data.image`. */
export function createUpscaleRunner(model: string, scale: 2 | 4, host: VisionHost): Runner {
  return createVisionRunner({
    model,
    host,
    params: UpscaleParams,
    async run({ item, params, call }) {
      const image = wholeImage(item, model);
      const result = await call((vision, options) =>
        vision.upscale(image, scale, { maxOutputPixels: params.max_output_pixels }, options),
      );
      return {
        data: { image: encodedImage(result.image, result.width, result.height, 'png') },
        timeMs: result.timeMs,
      };
    },
  });
}
