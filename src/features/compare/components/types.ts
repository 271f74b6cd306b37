/**
 * What the compare view's parts share: the view mode (side by side, swipe, overlay), how each
 * version is drawn (A solid, B dashed, in the same colour per concept), and the props every
 * per-kind comparison receives. The threshold, hidden classes and mask opacity are results'
 * view state (`useViewState`), provided once around the whole compare view.
 */
import type { Data } from '@contract/clarifai';
import type { ZoomController } from '@/components/zoom-viewport';
import type { BaseMedia } from '@/features/results/renderers/types';

export type CompareViewMode = 'side' | 'swipe' | 'overlay';

export const COMPARE_VIEW_MODES: readonly { value: CompareViewMode; label: string }[] = [
  { value: 'side', label: 'Side by side' },
  { value: 'swipe', label: 'Swipe' },
  { value: 'overlay', label: 'Overlay' },
];

export type Side = 'a' | 'b';

/** How a side is drawn in the overlay view: A with solid outlines, B dashed. */
export const SIDE_STROKE: Record<Side, { dash: readonly number[] | undefined; label: string }> = {
  a: { dash: undefined, label: 'A (solid)' },
  b: { dash: [6, 4], label: 'B (dashed)' },
};

/** Settings shared by every pair of the compare view (one zoom, one mode, one swipe position). */
export interface CompareViewSettings {
  mode: CompareViewMode;
  /** Where the swipe divider sits, 0..1 from the left. */
  swipe: number;
  onSwipeChange: (swipe: number) => void;
  /** One zoom and pan for both panes and all three views. */
  zoom: ZoomController;
}

/** The props of one kind's comparison: the same node's data in A and in B, on one input. */
export interface DataCompareProps {
  dataA: Data | undefined;
  dataB: Data | undefined;
  /** The picture both versions saw (image, or the video at `timeMs`); undefined for text/audio. */
  media: BaseMedia | undefined;
  /** The node id, for file names and labels. */
  name: string;
  settings: CompareViewSettings;
}
