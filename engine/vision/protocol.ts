/**
 * What crosses the thread boundary between the pool and a vision worker: for every model
 * operation a payload schema (parsed inside the worker) and a result schema (parsed by the pool),
 * plus the message envelopes. A message is structured-cloned data, so each side checks what it
 * receives instead of trusting a type. The shapes use Clarifai's field names (`top_row`, concept
 * `{id, name, value}`) so the executor can copy them into a response as is.
 */
import { z } from 'zod';
import type { VisionErrorKind } from './errors';

// ---------------------------------------------------------------------------------------------
// Plain data shapes returned by the models. Schemas, because a result crosses a thread boundary
// and is parsed on arrival like any other input; the types are inferred from them.

const fraction = z.number().min(0).max(1);
const bytes = z.instanceof(Uint8Array);
const imageBytes = bytes.refine((b) => b.length > 0, 'image bytes are empty');

/** Fractions 0..1 of the image's height (rows) and width (columns), like Clarifai's bounding_box. */
export const fractionBox = z.object({ top_row: fraction, left_col: fraction, bottom_row: fraction, right_col: fraction });
export type FractionBox = z.infer<typeof fractionBox>;

export const visionConcept = z.object({ id: z.string(), name: z.string(), value: z.number() });
export type VisionConcept = z.infer<typeof visionConcept>;

export const detectedFace = z.object({
  box: fractionBox,
  /** Detector confidence 0..1. */
  score: z.number(),
});
export type DetectedFace = z.infer<typeof detectedFace>;

export const detectedObject = z.object({
  box: fractionBox,
  score: z.number(),
  /** One of the 80 COCO classes; `id` and `name` are the class name ("person", "dining table"). */
  concept: visionConcept,
});
export type DetectedObject = z.infer<typeof detectedObject>;

export const FACE_ATTRIBUTES = ['emotion', 'age', 'gender', 'embedding'] as const;
export type FaceAttributeName = (typeof FACE_ATTRIBUTES)[number];

export const faceAttributesResult = z.object({
  /** 7 concepts (Clarifai's face-sentiment names), sorted by value, descending. */
  emotion: z.array(visionConcept).optional(),
  /** 9 age buckets ("age-20-29"), probabilities summed from the model's per-year distribution, descending. */
  age: z.array(visionConcept).optional(),
  /** The model's expected age in years (mean of its distribution). */
  ageYears: z.number().optional(),
  /** "masculine" and "feminine", descending. */
  gender: z.array(visionConcept).optional(),
  /** 1024-d FaceRes descriptor (not normalised; compare with cosine). */
  embedding: z.array(z.number()).optional(),
});
export type FaceAttributesResult = z.infer<typeof faceAttributesResult>;

const size = { width: z.number().int().positive(), height: z.number().int().positive() };
export interface ImageSize {
  width: number;
  height: number;
}

/** PNG bytes and their size. */
const encodedImage = z.object({ png: bytes, ...size });

const segmentation = z.object({
  /** Single-channel PNG the size of the input: 255 where the model sees a person, 0 elsewhere. */
  mask: bytes,
  /** Fraction 0..1 of the pixels that are person. */
  personShare: fraction,
  ...size,
});

// ---------------------------------------------------------------------------------------------
// Every operation: its payload (parsed in the worker) and its result (parsed in the pool).

const upscale = {
  upscale: {
    payload: z.object({ image: imageBytes, maxOutputPixels: z.number().int().positive() }),
    result: encodedImage,
  },
};

export const visionSpecs = {
  faces: {
    detect: {
      payload: z.object({ image: imageBytes, minConfidence: fraction, maxFaces: z.number().int().min(1).max(500) }),
      result: z.object({ faces: z.array(detectedFace), ...size }),
    },
  },
  'face-attributes': {
    predict: {
      payload: z.object({ image: imageBytes, which: z.array(z.enum(FACE_ATTRIBUTES)).min(1) }),
      result: faceAttributesResult,
    },
  },
  objects: {
    detect: {
      payload: z.object({
        image: imageBytes,
        minConfidence: fraction,
        maxObjects: z.number().int().min(1).max(500),
        iouThreshold: fraction,
      }),
      result: z.object({ objects: z.array(detectedObject), ...size }),
    },
  },
  nsfw: {
    embed: { payload: z.object({ image: imageBytes }), result: z.object({ vector: z.array(z.number()) }) },
    classify: { payload: z.object({ image: imageBytes }), result: z.object({ concepts: z.array(visionConcept) }) },
  },
  selfie: {
    segment: { payload: z.object({ image: imageBytes, threshold: fraction }), result: segmentation },
  },
  'upscale-x2': upscale,
  'upscale-x4': upscale,
  /** Exercises the pool's failure paths from tests; loads nothing. */
  debug: {
    sleep: { payload: z.object({ ms: z.number().min(0) }), result: z.object({ slept: z.number() }) },
    throw: { payload: z.object({ message: z.string() }), result: z.never() },
    crash: { payload: z.object({}), result: z.never() },
    echo: { payload: z.object({ bytes }), result: z.object({ bytes, threadId: z.number() }) },
  },
};

/** model → op → {payload schema, result schema}: what a pool's worker answers. */
export type OpSpecs = Record<string, Record<string, { payload: z.ZodType; result: z.ZodType }>>;
export type VisionSpecs = typeof visionSpecs;
export type ModelName = keyof VisionSpecs;

// ---------------------------------------------------------------------------------------------
// Envelopes

export type ToWorker =
  | { type: 'task'; id: number; model: string; op: string; payload: unknown }
  | { type: 'cancel'; id: number };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'done'; id: number; result: unknown; timeMs: number; loadMs?: number }
  | { type: 'failed'; id: number; kind: VisionErrorKind; message: string };

export const toWorkerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('task'), id: z.number(), model: z.string(), op: z.string(), payload: z.unknown() }),
  z.object({ type: z.literal('cancel'), id: z.number() }),
]);
