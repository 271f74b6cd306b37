import { createContext } from 'react';

/** The video frame the compare view shows, shared by every node pair's frames (one scrubber). */
export interface CompareFrame {
  frameMs: number | undefined;
  onFrameChange: (timeMs: number) => void;
}

export const CompareFrameContext = createContext<CompareFrame>({
  frameMs: undefined,
  onFrameChange: () => undefined,
});
