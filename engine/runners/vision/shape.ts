/**
 * Model results → Clarifai's output shapes (API.md, and the recorded Face-Sentiment response in
 * clarifai-examples/grpc-text/example_workflow_predict_images.pbtxt). Pure, unit-tested.
 */
import type { Concept, Data, Region } from '../../../contract/clarifai';
import type { FractionBox } from '../../vision';
import type { ClassifierParams } from './params';

export interface Detection {
  readonly box: FractionBox;
  readonly score: number;
  readonly concept: Concept;
}

/** A detector's answer: one region per box, its class in `data.concepts`, its score as `value`. */
export function detectionData(detections: readonly Detection[], newId: () => string): Data {
  return {
    regions: detections.map((detection) => ({
      id: newId(),
      region_info: { bounding_box: { ...detection.box } },
      data: { concepts: [{ ...detection.concept, value: detection.score }] },
      value: detection.score,
    })),
  };
}

export interface CropImage {
  readonly box: FractionBox;
  readonly image: Buffer;
  readonly width: number;
  readonly height: number;
  readonly format: 'jpeg' | 'png';
}

/**
 * An image-crop node's region: a NEW region (Clarifai gives crops their own ids) whose box is what
 * was actually cut, carrying the cut-out image. Clarifai spells formats in capitals ("JPEG").
 */
export function cropRegion(crop: CropImage, id: string): Region {
  return {
    id,
    region_info: { bounding_box: { ...crop.box } },
    data: { image: encodedImage(crop.image, crop.width, crop.height, crop.format) },
  };
}

export function encodedImage(bytes: Buffer, width: number, height: number, format: 'jpeg' | 'png') {
  return { base64: bytes.toString('base64'), image_info: { width, height, format: format.toUpperCase() } };
}

/** A classifier's own `min_value` / `max_concepts`, on concepts already sorted by value. */
export function limitConcepts(concepts: readonly Concept[], params: ClassifierParams): Concept[] {
  const kept = concepts.filter((concept) => (concept.value ?? 0) >= params.min_value);
  return params.max_concepts > 0 ? kept.slice(0, params.max_concepts) : kept;
}

/**
 * An embedding as Clarifai sends it. The model computes in float32; printed as doubles each value
 * takes 17 digits, but 9 significant digits always give back the same float32, so the JSON
 * halves without losing anything.
 */
export function embeddingData(vector: readonly number[]): Data {
  return {
    embeddings: [{ vector: vector.map((x) => Number(x.toPrecision(9))), num_dimensions: vector.length }],
  };
}

export interface MaskImage {
  readonly png: Buffer;
  readonly width: number;
  readonly height: number;
  /** Fraction 0..1 of the pixels in the mask. */
  readonly share: number;
}

/** A segmenter's answer: one region per class, the class in `data.concepts[0]`, its mask a PNG. */
export function segmentationData(
  classes: readonly { name: string; mask: MaskImage }[],
  newId: () => string,
): Data {
  return {
    regions: classes.map(({ name, mask }) => ({
      id: newId(),
      region_info: { mask: { image: encodedImage(mask.png, mask.width, mask.height, 'png') } },
      data: { concepts: [{ id: name, name, value: round(mask.share, 6) }] },
    })),
  };
}

function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
