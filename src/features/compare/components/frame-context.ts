import { createContext, type ReactNode } from 'react';
import type { DataCompareProps } from '@/features/compare/components/types';

/**
 * The video frame the compare view shows, shared by every node pair's frames (one scrubber), and
 * how one frame's data is compared (the compare view's own per-kind dispatch, passed down so the
 * registry and the dispatch do not import each other).
 */
export interface CompareFrame {
  frameMs: number | undefined;
  onFrameChange: (timeMs: number) => void;
  renderFrame: (props: DataCompareProps) => ReactNode;
}

export const CompareFrameContext = createContext<CompareFrame>({
  frameMs: undefined,
  onFrameChange: () => undefined,
  renderFrame: () => null,
});
