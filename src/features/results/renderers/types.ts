import type { ReactNode } from 'react';
import type { Data, Image } from '@contract/clarifai';
import type { InputMedia } from '@/lib/media';

/** The picture the boxes of an output are drawn on: the input, or one moment of an input video. */
export interface BaseMedia extends InputMedia {
  /** For a video frame: where in the video, in milliseconds. */
  timeMs?: number;
}

/** The same node's output for one input of the request. */
export interface PeerData {
  inputIndex: number;
  data: Data;
}

/** What an output's renderers may know beyond its own `data`. */
export interface RelatedData {
  /**
   * Crops made by any node for the same input, by region id. Face-Sentiment's classifier answers
   * inside the crop node's regions (same ids) but does not repeat their images.
   */
  regionCrops: ReadonlyMap<string, Image>;
  /** This node's data for every input, in input order (the cluster plot shows them all). */
  peers: readonly PeerData[];
  /** Which input this output belongs to. */
  inputIndex: number;
}

export const NO_RELATED: RelatedData = { regionCrops: new Map(), peers: [], inputIndex: 0 };

export interface RenderContext {
  media: BaseMedia | undefined;
  /** True inside a region or a frame: renderers show less (top concepts only, small images). */
  nested: boolean;
  related: RelatedData;
  /** The node id (or model id) of the output, for file names. */
  name: string;
  /**
   * Renders nested `data` (a frame's, a region's) through the same registry. Passed down rather
   * than imported so the registry and the renderers that recurse do not import each other.
   */
  renderNested: (data: Data, media?: BaseMedia) => ReactNode;
}

export interface RendererProps {
  data: Data;
  context: RenderContext;
}
