/**
 * Output kind → the one small component that draws it. Adding a kind of model output means
 * adding one module and one line here (and teaching `outputKinds` to spot it).
 */
import type { ComponentType } from 'react';
import type { OutputKind } from '@/features/results/lib/output-kinds';
import type { RendererProps } from '@/features/results/renderers/types';
import { AudioRenderer } from '@/features/results/renderers/audio';
import { ClustersRenderer } from '@/features/results/renderers/clusters';
import { ConceptsRenderer } from '@/features/results/renderers/concepts';
import { EmbeddingsRenderer } from '@/features/results/renderers/embeddings';
import { FallbackRenderer } from '@/features/results/renderers/fallback';
import { FramesRenderer } from '@/features/results/renderers/frames';
import { ImageRenderer } from '@/features/results/renderers/image';
import { RegionsRenderer } from '@/features/results/renderers/regions';
import { TextRenderer } from '@/features/results/renderers/text';

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
