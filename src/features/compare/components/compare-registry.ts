/**
 * Output kind → how the compare view compares it. Kinds missing here are shown side by side by
 * the results' renderers (see data-compare.tsx). Each comparison loads on demand, with the view.
 */
import type { ComponentType } from 'react';
import type { OutputKind } from '@/features/results/lib/output-kinds';
import type { DataCompareProps } from '@/features/compare/components/types';

export const compareRenderers: Partial<Record<OutputKind, ComponentType<DataCompareProps>>> = {};
