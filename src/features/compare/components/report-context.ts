import { createContext } from 'react';
import type { ClassMaskDiff } from '@/features/compare/lib/diff-masks';

/**
 * What a comparison learns only after drawing (the per-class mask agreement needs the masks
 * decoded in the browser), handed up to the compare view for the JSON export, by pair key.
 */
export interface CompareReport {
  reportMasks: (pairKey: string, classes: readonly ClassMaskDiff[]) => void;
}

export const CompareReportContext = createContext<CompareReport>({ reportMasks: () => undefined });
