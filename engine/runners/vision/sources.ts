/**
 * What a vision node looks at, read from its item: the workflow's image, an image a parent made
 * (an upscaler), or the regions a parent found (a detector's boxes, a crop node's cut-out images).
 * Also the one place that turns any failure into the per-item status it answers with.
 */
import type { Data, Region } from '../../../contract/clarifai';
import { StatusCode } from '../../../contract/clarifai';
import { decodeBase64 } from '../../media/base64';
import { MediaError } from '../../media/media-error';
import { MEDIA_LIMITS } from '../../media/limits';
import { VisionError, type FractionBox } from '../../vision';
import { errorMessage, RunnerFailure } from '../failure';
import type { RunnerError, RunnerItem } from '../types';

/** A failure of one item (not of the whole batch), with the status it answers. */
export class ItemFailure extends Error {
  readonly code: number;

  constructor(code: number, message: string) {
    super(message);
    this.name = 'ItemFailure';
    this.code = code;
  }
}

/**
 * The image an image-level model (detector, segmenter, upscaler) reads: the first parent that
 * carries an image (e.g. an upscaler before a detector), else the workflow input's image.
 */
export function wholeImage(item: RunnerItem, model: string): Buffer {
  for (const parent of item.parents) {
    if (parent.image?.base64) return decodeImage(parent.image.base64, 'the image from the previous node');
  }
  if (item.input.image) return item.input.image.bytes;
  throw new ItemFailure(StatusCode.INPUT_INVALID_ARGUMENT, needsImage(item, model));
}

/** One region to answer inside: the parent's region, and the image to run the model on. */
export interface RegionTarget {
  readonly region: Region;
  /** The region's own image (a crop node's output), if it carries one. */
  readonly image?: Buffer;
  /** Its box, when there is no image of its own: the caller cuts it from `base`. */
  readonly box?: FractionBox;
}

export type Targets =
  | { readonly kind: 'image'; readonly image: Buffer }
  | { readonly kind: 'regions'; readonly regions: readonly RegionTarget[]; readonly base?: Buffer };

/**
 * Where a per-region model (classifier, embedder) answers, as Clarifai's do: inside the regions of
 * the first parent that has regions (even none, e.g. a detector that found no face: then the
 * answer is no regions, not a guess about the whole picture); else on a parent's image; else on
 * the input image (a classifier straight on the input answers in top-level fields).
 */
export function targetsOf(item: RunnerItem, model: string): Targets {
  const withRegions = item.parents.find((parent) => parent.regions !== undefined);
  if (withRegions) {
    const regions = (withRegions.regions ?? []).map((region, index) => regionTarget(region, index, model));
    const needsBase = regions.some((target) => !target.image);
    return { kind: 'regions', regions, ...(needsBase ? { base: wholeImage(item, model) } : {}) };
  }
  return { kind: 'image', image: wholeImage(item, model) };
}

function regionTarget(region: Region, index: number, model: string): RegionTarget {
  const encoded = region.data?.image?.base64;
  if (encoded) return { region, image: decodeImage(encoded, `the image of region ${index + 1}`) };
  const box = fullBox(region.region_info?.bounding_box);
  if (box) return { region, box };
  throw new ItemFailure(
    StatusCode.INPUT_INVALID_ARGUMENT,
    `${model} reads regions with a bounding box or an image (from a detector or a crop node), but region ${index + 1} has neither`,
  );
}

/** Clarifai omits zero fields, so a box without `left_col` starts at 0. */
export function fullBox(box: NonNullable<Region['region_info']>['bounding_box']): FractionBox | undefined {
  if (!box) return undefined;
  const clamp = (value: number | undefined) => Math.min(1, Math.max(0, value ?? 0));
  const full = {
    top_row: clamp(box.top_row),
    left_col: clamp(box.left_col),
    bottom_row: clamp(box.bottom_row),
    right_col: clamp(box.right_col),
  };
  return full.bottom_row > full.top_row && full.right_col > full.left_col ? full : undefined;
}

/** A region as the next node's output repeats it: same id and place, new data. */
export function mirrorRegion(region: Region, data: Data): Region {
  return {
    ...(region.id ? { id: region.id } : {}),
    ...(region.region_info ? { region_info: region.region_info } : {}),
    data,
  };
}

function decodeImage(encoded: string, what: string): Buffer {
  return decodeBase64(encoded, MEDIA_LIMITS.imageBytes, what);
}

function needsImage(item: RunnerItem, model: string): string {
  if (item.input.video)
    return `${model} reads images; video is not supported by the local engine's vision models yet`;
  return `${model} needs an image input`;
}

/** Any failure of one item, as the status its output answers with. */
export function itemError(error: unknown, model: string): RunnerError {
  if (error instanceof ItemFailure || error instanceof MediaError || error instanceof RunnerFailure) {
    return { code: error.code, details: error.message };
  }
  if (error instanceof VisionError) return { code: error.code, details: `${model}: ${error.message}` };
  return { code: StatusCode.MODEL_PREDICTION_FAILED, details: `${model} failed: ${errorMessage(error)}` };
}
