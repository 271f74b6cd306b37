import type { ReactNode } from 'react';
import type { Data } from '@contract/clarifai';
import type { InputMedia } from '@/lib/media';

/** The picture the boxes of an output are drawn on: the input, or one moment of an input video. */
export interface BaseMedia extends InputMedia {
  /** For a video frame: where in the video, in milliseconds. */
  timeMs?: number;
}

export interface RenderContext {
  media: BaseMedia | undefined;
  /** True inside a region or a frame: renderers show less (top concepts only, small images). */
  nested: boolean;
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
