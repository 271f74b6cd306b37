/**
 * Node parameters (`output_info.params`, merged over the model's defaults) for the vision models.
 * Objects are loose: a Clarifai export may carry parameters this engine does not use. A value that
 * is present but wrong fails the node's outputs (21313) with a message naming the parameter.
 */
import { z } from 'zod';
import { StatusCode } from '../../../contract/clarifai';
import { RunnerFailure } from '../failure';

const fraction = z.number().min(0).max(1);
const count = z.number().int().min(1).max(500);

export const DetectorParams = z.looseObject({
  /** Lowest detector confidence kept. */
  min_value: fraction.default(0.5),
  max_objects: count.default(50),
});
export type DetectorParams = z.infer<typeof DetectorParams>;

export const ObjectDetectorParams = DetectorParams.extend({
  /** Boxes of one class overlapping more than this are merged (non-max suppression). */
  iou_threshold: fraction.default(0.4),
});

export const CropParams = z.looseObject({
  /** Each side of the box grown to this multiple around its centre: 1.1 = margin-110. */
  margin: z.number().min(1).max(4).default(1.1),
});

/** Classifiers: Clarifai's per-model output settings, applied before the request's `output_config`. */
export const ClassifierParams = z.looseObject({
  min_value: fraction.default(0),
  /** 0 = every concept. */
  max_concepts: z.number().int().min(0).max(1000).default(0),
});
export type ClassifierParams = z.infer<typeof ClassifierParams>;

export const SegmenterParams = z.looseObject({
  /** Person probability above which a pixel is in the mask. */
  threshold: fraction.default(0.5),
  /** Also answer a `background` region (the inverted mask). */
  background: z.boolean().default(false),
});

export const UpscaleParams = z.looseObject({
  /** Refuse (30105) an output larger than this many pixels. */
  max_output_pixels: z.number().int().min(1).max(85_000_000).default(16_000_000),
});

export const ClusterParams = z.looseObject({
  /** Cosine similarity to a cluster's first member needed to join it. */
  threshold: z.number().min(-1).max(1),
});

export const NoParams = z.looseObject({});

export function parseParams<T extends z.ZodType>(schema: T, raw: unknown, model: string): z.infer<T> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues
    .map((issue) => `${issue.path.join('.') || 'params'}: ${issue.message}`)
    .join('; ');
  throw new RunnerFailure(StatusCode.MODEL_PREDICTION_FAILED, `invalid params for ${model}: ${problems}`);
}
