/**
 * Which renderers an output's `data` needs, in the order they read best: media-shaped answers
 * (frames, regions, image) first, then text, concepts, and the numeric ones.
 */
import { BYTES_MARKER, type Data } from '@contract/clarifai';

export const OUTPUT_KINDS = ['frames', 'regions', 'image', 'text', 'concepts', 'audio', 'embeddings', 'clusters', 'unknown'] as const;
export type OutputKind = (typeof OUTPUT_KINDS)[number];

const HANDLED_KEYS = new Set<string>(['frames', 'regions', 'image', 'text', 'concepts', 'audio', 'embeddings', 'clusters']);

function hasContent(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

/** Keys of `data` no renderer handles, with content: shown by the fallback so nothing is hidden. */
export function unknownKeys(data: Data): string[] {
  return Object.keys(data).filter((key) => !HANDLED_KEYS.has(key) && hasContent(data[key]));
}

export function outputKinds(data: Data): OutputKind[] {
  const kinds: OutputKind[] = [];
  // Present but empty still counts for frames and regions: "no regions found" is an answer.
  if (data.frames) kinds.push('frames');
  if (data.regions) kinds.push('regions');
  const image = data.image;
  if (image && (image.url || (image.base64 && image.base64 !== BYTES_MARKER))) kinds.push('image');
  if (data.text && (data.text.raw !== undefined || data.text.url)) kinds.push('text');
  if (data.concepts) kinds.push('concepts');
  if (data.audio && (data.audio.url || data.audio.base64)) kinds.push('audio');
  if (data.embeddings?.length) kinds.push('embeddings');
  if (data.clusters?.length) kinds.push('clusters');
  if (unknownKeys(data).length > 0) kinds.push('unknown');
  return kinds;
}
