/** What the panels' tests hand every comparison: settings no panel here reads, and a view store. */
import type { ReactElement } from 'react';
import type { CompareViewSettings } from '@/features/compare/components/types';
import { createViewStore, ViewStateProvider, type ViewState } from '@/features/results/state/view-state';
import { renderWithClient } from '@/test/render';

export function testSettings(): CompareViewSettings {
  return {
    mode: 'side',
    swipe: 0.5,
    onSwipeChange: () => undefined,
    zoom: {
      transform: { scale: 1, x: 0, y: 0 },
      setTransform: () => undefined,
      viewportRef: { current: null },
      zoomBy: () => undefined,
      reset: () => undefined,
    },
  };
}

export function renderPanel(ui: ReactElement, view: Partial<ViewState> = {}) {
  const store = createViewStore(view);
  return { ...renderWithClient(<ViewStateProvider store={store}>{ui}</ViewStateProvider>), store };
}
