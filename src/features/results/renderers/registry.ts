/**
 * Output kind → the one small component that draws it. Adding a kind of model output means
 * adding one module and one line here (and teaching `outputKinds` to spot it).
 */
import { lazy, type ComponentType } from 'react';
import type { OutputKind } from '@/features/results/lib/output-kinds';
import type { RendererProps } from '@/features/results/renderers/types';
import { ConceptsRenderer } from '@/features/results/renderers/concepts';
import { FallbackRenderer } from '@/features/results/renderers/fallback';
import { RegionsRenderer } from '@/features/results/renderers/regions';
import { TextRenderer } from '@/features/results/renderers/text';

// The heavier kinds (the video player and its timeline, the audio waveform, the embedding and
// cluster plots, the zoomable image) load on demand, so the first page does not carry them. The
// data view draws each behind its own Suspense inside its error boundary: a chunk that fails to
// load shows that kind's failure notice, nothing else.
const FramesRenderer = lazy(() =>
  import('@/features/results/renderers/frames').then((m) => ({ default: m.FramesRenderer })),
);
const ImageRenderer = lazy(() =>
  import('@/features/results/renderers/image').then((m) => ({ default: m.ImageRenderer })),
);
const AudioRenderer = lazy(() =>
  import('@/features/results/renderers/audio').then((m) => ({ default: m.AudioRenderer })),
);
const EmbeddingsRenderer = lazy(() =>
  import('@/features/results/renderers/embeddings').then((m) => ({ default: m.EmbeddingsRenderer })),
);
const ClustersRenderer = lazy(() =>
  import('@/features/results/renderers/clusters').then((m) => ({ default: m.ClustersRenderer })),
);

export interface OutputRenderer {
  /** Names the kind in the failure message when its component throws. */
  label: string;
  Component: ComponentType<RendererProps>;
}

export const outputRenderers: Record<OutputKind, OutputRenderer> = {
  frames: { label: 'video frames', Component: FramesRenderer },
  regions: { label: 'regions', Component: RegionsRenderer },
  image: { label: 'image', Component: ImageRenderer },
  text: { label: 'text', Component: TextRenderer },
  concepts: { label: 'concepts', Component: ConceptsRenderer },
  audio: { label: 'audio', Component: AudioRenderer },
  embeddings: { label: 'embeddings', Component: EmbeddingsRenderer },
  clusters: { label: 'clusters', Component: ClustersRenderer },
  unknown: { label: 'other fields', Component: FallbackRenderer },
};
