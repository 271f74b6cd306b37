/**
 * Output kind → how the compare view compares it. Kinds missing here are shown side by side by
 * the results' renderers (see data-compare.tsx). Each comparison loads on demand, with the view.
 */
import { lazy, useContext, type ComponentType } from 'react';
import type { OutputKind } from '@/features/results/lib/output-kinds';
import type { DataCompareProps } from '@/features/compare/components/types';
import { CompareFrameContext } from '@/features/compare/components/frame-context';

const RegionsCompare = lazy(() =>
  import('@/features/compare/components/visual/regions-compare').then((m) => ({ default: m.RegionsCompare })),
);
const ImageCompare = lazy(() =>
  import('@/features/compare/components/visual/image-compare').then((m) => ({ default: m.ImageCompare })),
);
const ConceptsCompare = lazy(() =>
  import('@/features/compare/components/panels/concepts-compare').then((m) => ({
    default: m.ConceptsCompare,
  })),
);
const TextCompare = lazy(() =>
  import('@/features/compare/components/panels/text-compare').then((m) => ({ default: m.TextCompare })),
);
const EmbeddingsCompare = lazy(() =>
  import('@/features/compare/components/panels/vectors-compare').then((m) => ({
    default: m.EmbeddingsCompare,
  })),
);
const ClustersCompare = lazy(() =>
  import('@/features/compare/components/panels/vectors-compare').then((m) => ({
    default: m.ClustersCompare,
  })),
);
const AudioCompare = lazy(() =>
  import('@/features/compare/components/panels/audio-compare').then((m) => ({ default: m.AudioCompare })),
);
const FramesCompare = lazy(() =>
  import('@/features/compare/components/panels/frames-compare').then((m) => ({ default: m.FramesCompare })),
);

/**
 * A video's frames: one scrubber for both versions (the frame shared by every pair through
 * `CompareFrameContext`), each frame's data compared through this same registry.
 */
function FramesKind(props: DataCompareProps) {
  const { frameMs, onFrameChange, renderFrame } = useContext(CompareFrameContext);
  return (
    <FramesCompare
      framesA={props.dataA?.frames}
      framesB={props.dataB?.frames}
      media={props.media}
      name={props.name}
      settings={props.settings}
      frameMs={frameMs}
      onFrameChange={onFrameChange}
      renderFrame={(dataA, dataB, media) => renderFrame({ ...props, dataA, dataB, media })}
    />
  );
}

export const compareRenderers: Partial<Record<OutputKind, ComponentType<DataCompareProps>>> = {
  frames: FramesKind,
  regions: RegionsCompare,
  image: ImageCompare,
  concepts: ConceptsCompare,
  text: TextCompare,
  embeddings: EmbeddingsCompare,
  clusters: ClustersCompare,
  audio: AudioCompare,
};
