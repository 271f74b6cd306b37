/**
 * Two versions' detections on one picture, as a person uses the comparison: the list of changes
 * and its counts, the shared threshold, hovering a row, the three views and the swipe divider.
 */
import { describe, expect, it, vi } from 'vitest';
import { useState } from 'react';
import { act, fireEvent, screen, within } from '@testing-library/react';
import type { Data, Region } from '@contract/clarifai';
import type { CompareViewMode, DataCompareProps } from '@/features/compare/components/types';
import { renderPanel, testSettings } from '@/features/compare/components/panels/test-props';
import { ViewStateProvider } from '@/features/results/state/view-state';
import { RegionsCompare } from '@/features/compare/components/visual/regions-compare';

const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const media = { kind: 'image' as const, url: 'blob:test/street', name: 'street.png' };

const region = (name: string, value: number, left: number, mask = false): Region => ({
  value,
  region_info: {
    bounding_box: { top_row: 0.1, left_col: left, bottom_row: 0.3, right_col: left + 0.1 },
    ...(mask ? { mask: { image: { base64: PNG } } } : {}),
  },
  data: { concepts: [{ id: name, name, value }] },
});

// car → truck (relabelled), person kept (0.8 → 0.3), dog only in A, cat only in B.
const dataA: Data = { regions: [region('car', 0.9, 0), region('person', 0.8, 0.3), region('dog', 0.6, 0.6)] };
const dataB: Data = {
  regions: [region('truck', 0.95, 0), region('person', 0.3, 0.3), region('cat', 0.7, 0.8)],
};

function props(mode: CompareViewMode, overrides: Partial<DataCompareProps> = {}): DataCompareProps {
  return { dataA, dataB, media, name: 'detector', settings: { ...testSettings(), mode }, ...overrides };
}

/** jsdom never decodes images: give each <img> a size and say it loaded, as a browser would. */
function loadPictures(width = 200, height = 100) {
  for (const img of screen.getAllByRole('img', { name: /^Input/ })) {
    Object.defineProperty(img, 'naturalWidth', { configurable: true, value: width });
    Object.defineProperty(img, 'naturalHeight', { configurable: true, value: height });
    fireEvent.load(img);
  }
}

/** The swipe view with its divider in state, as the compare view keeps it. */
function SwipeHarness() {
  const [swipe, setSwipe] = useState(0.5);
  return (
    <RegionsCompare
      {...props('swipe')}
      settings={{ ...testSettings(), mode: 'swipe', swipe, onSwipeChange: setSwipe }}
    />
  );
}

describe('RegionsCompare', () => {
  it('lists matched, relabelled and one-sided regions with counts', () => {
    renderPanel(<RegionsCompare {...props('side')} />);
    expect(screen.getByText('2 matched · 1 only in A · 1 only in B')).toBeInTheDocument();
    const list = screen.getByRole('list', { name: 'Region changes' });
    const rows = within(list).getAllByRole('listitem');
    expect(rows).toHaveLength(4);
    const relabelled = rows.find((row) => row.textContent.includes('car → truck'));
    expect(relabelled).toHaveTextContent('90.0% → 95.0% (Δ +0.05)');
    const person = rows.find((row) => row.textContent.includes('person'));
    expect(person).toHaveTextContent('Δ −0.50');
    expect(rows.find((row) => row.textContent.includes('Only in A'))).toHaveTextContent('dog');
    expect(rows.find((row) => row.textContent.includes('Only in B'))).toHaveTextContent('cat');
  });

  it('follows the shared threshold and hidden classes', () => {
    const { store } = renderPanel(<RegionsCompare {...props('side')} />);
    act(() => store.set({ threshold: 0.5 }));
    // B's person (30%) is now hidden: A's person stands alone, and says why.
    expect(screen.getByText('1 matched · 2 only in A · 1 only in B')).toBeInTheDocument();
    expect(screen.getByText('(B’s match is hidden)')).toBeInTheDocument();
    act(() => store.set({ threshold: 0, hiddenClasses: new Set(['dog', 'cat']) }));
    expect(screen.getByText('2 matched · 0 only in A · 0 only in B')).toBeInTheDocument();
  });

  it('hides a class everywhere from the shared legend', async () => {
    const { user } = renderPanel(<RegionsCompare {...props('side')} />);
    const legend = screen.getByRole('group', { name: 'Legend' });
    await user.click(within(legend).getByRole('checkbox', { name: 'dog' }));
    expect(screen.getByText('2 matched · 0 only in A · 1 only in B')).toBeInTheDocument();
  });

  it('highlights both boxes of a pair from its row, by pointer or keyboard', async () => {
    const { user } = renderPanel(<RegionsCompare {...props('side')} />);
    loadPictures();
    const boxesA = screen.getByRole('img', { name: 'Version A boxes' });
    const boxesB = screen.getByRole('img', { name: 'Version B boxes' });
    const row = within(screen.getByRole('list', { name: 'Region changes' }))
      .getAllByRole('listitem')
      .find((item) => item.textContent.includes('car → truck'));
    if (!row) throw new Error('no relabelled row');
    await user.hover(row);
    expect(within(boxesA).getByRole('img', { name: /^Box 1: car/ })).toHaveAttribute(
      'data-highlighted',
      'true',
    );
    expect(within(boxesB).getByRole('img', { name: /^Box 1: truck/ })).toHaveAttribute(
      'data-highlighted',
      'true',
    );
    expect(row).toHaveAttribute('data-highlighted', 'true');
    await user.unhover(row);
    expect(within(boxesB).getByRole('img', { name: /^Box 1: truck/ })).toHaveAttribute(
      'data-highlighted',
      'false',
    );

    // Tab reaches the rows; focusing a one-sided row highlights its box alone.
    const dogRow = within(screen.getByRole('list', { name: 'Region changes' }))
      .getAllByRole('listitem')
      .find((item) => item.textContent.includes('dog'));
    act(() => dogRow?.focus());
    expect(within(boxesA).getByRole('img', { name: /^Box 3: dog/ })).toHaveAttribute(
      'data-highlighted',
      'true',
    );
    expect(
      within(boxesB)
        .queryAllByRole('img')
        .filter((box) => box.dataset.highlighted === 'true'),
    ).toHaveLength(0);
  });

  it('highlights a box’s matched partner in the other pane on hover', () => {
    renderPanel(<RegionsCompare {...props('side')} />);
    loadPictures();
    const boxesA = screen.getByRole('img', { name: 'Version A boxes' });
    const boxesB = screen.getByRole('img', { name: 'Version B boxes' });
    const truck = within(boxesB).getByRole('img', { name: /^Box 1: truck/ });
    fireEvent.pointerMove(truck);
    expect(truck).toHaveAttribute('data-highlighted', 'true');
    expect(within(boxesA).getByRole('img', { name: /^Box 1: car/ })).toHaveAttribute(
      'data-highlighted',
      'true',
    );
    fireEvent.pointerLeave(boxesB);
    expect(within(boxesA).getByRole('img', { name: /^Box 1: car/ })).toHaveAttribute(
      'data-highlighted',
      'false',
    );
  });

  it('hovers boxes of either version in the overlay view', () => {
    renderPanel(<RegionsCompare {...props('overlay')} />);
    loadPictures(200, 100);
    const surface = screen.getByRole('figure').querySelector('[data-overlay-hover]');
    if (!(surface instanceof HTMLElement)) throw new Error('no hover layer');
    vi.spyOn(surface, 'getBoundingClientRect').mockReturnValue(
      DOMRect.fromRect({ x: 0, y: 0, width: 200, height: 100 }),
    );
    const boxesA = screen.getByRole('img', { name: 'Version A boxes' });
    const boxesB = screen.getByRole('img', { name: 'Version B boxes' });
    // A's dog (x 120–140 px), which only A found, under B's layer.
    fireEvent.pointerMove(surface, { clientX: 130, clientY: 20 });
    expect(within(boxesA).getByRole('img', { name: /^Box 3: dog/ })).toHaveAttribute(
      'data-highlighted',
      'true',
    );
    // B's cat (x 160–180 px).
    fireEvent.pointerMove(surface, { clientX: 170, clientY: 20 });
    expect(within(boxesA).getByRole('img', { name: /^Box 3: dog/ })).toHaveAttribute(
      'data-highlighted',
      'false',
    );
    expect(within(boxesB).getByRole('img', { name: /^Box 3: cat/ })).toHaveAttribute(
      'data-highlighted',
      'true',
    );
    fireEvent.pointerLeave(surface);
    expect(within(boxesB).getByRole('img', { name: /^Box 3: cat/ })).toHaveAttribute(
      'data-highlighted',
      'false',
    );
  });

  it('draws many boxes per side on the dense canvas and lists the first rows', async () => {
    const many = (shift: number): Data => ({
      regions: Array.from({ length: 400 }, (_, i) =>
        region(`c${i % 5}`, 0.5 + (i % 50) / 100, (i % 40) / 50 + shift),
      ),
    });
    const { user } = renderPanel(<RegionsCompare {...props('side', { dataA: many(0), dataB: many(0.3) })} />);
    loadPictures();
    expect(screen.getByRole('img', { name: 'Version A boxes' })).toHaveAttribute('data-render', 'canvas');
    expect(screen.getByRole('img', { name: 'Version B boxes' })).toHaveAttribute('data-render', 'canvas');
    const list = screen.getByRole('list', { name: 'Region changes' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(100);
    await user.click(screen.getByRole('button', { name: /^Show all/ }));
    expect(within(list).getAllByRole('listitem').length).toBeGreaterThan(100);
  });

  it('shows side by side, swipe and overlay with the structure each needs', () => {
    const { rerender, store } = renderPanel(<RegionsCompare {...props('side')} />);
    const show = (mode: CompareViewMode) =>
      rerender(
        <ViewStateProvider store={store}>
          <RegionsCompare {...props(mode)} />
        </ViewStateProvider>,
      );
    expect(screen.getByRole('figure', { name: 'Version A' })).toBeInTheDocument();
    expect(screen.getByRole('figure', { name: 'Version B' })).toBeInTheDocument();
    expect(screen.queryByRole('slider', { name: 'Swipe position' })).not.toBeInTheDocument();

    show('swipe');
    loadPictures();
    expect(screen.queryByRole('figure', { name: 'Version A' })).not.toBeInTheDocument();
    expect(screen.getAllByRole('img', { name: /^Input/ })).toHaveLength(1);
    expect(screen.getByRole('slider', { name: 'Swipe position' })).toHaveAttribute('aria-valuenow', '50');
    // Both versions' boxes on one picture, each cut at the divider.
    expect(screen.getByRole('img', { name: 'Version A boxes' })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'Version B boxes' })).toBeInTheDocument();

    show('overlay');
    expect(screen.queryByRole('slider', { name: 'Swipe position' })).not.toBeInTheDocument();
    expect(screen.getByText('A (solid)')).toBeInTheDocument();
    expect(screen.getByText('B (dashed)')).toBeInTheDocument();
    const dashed = within(screen.getByRole('img', { name: 'Version B boxes' })).getByRole('img', {
      name: /^Box 1: truck/,
    });
    expect(dashed.querySelector('rect')).toHaveAttribute('stroke-dasharray', '6 4');
    const solid = within(screen.getByRole('img', { name: 'Version A boxes' })).getByRole('img', {
      name: /^Box 1: car/,
    });
    expect(solid.querySelector('rect')).not.toHaveAttribute('stroke-dasharray');
    expect(screen.getByRole('button', { name: 'Download comparison PNG' })).toBeEnabled();
  });

  it('moves the swipe divider with the keyboard', async () => {
    const { user } = renderPanel(<SwipeHarness />);
    const slider = screen.getByRole('slider', { name: 'Swipe position' });
    await user.tab();
    // The zoom buttons come first; tab on to the divider.
    while (document.activeElement !== slider) await user.tab();
    await user.keyboard('{ArrowRight}');
    expect(slider).toHaveAttribute('aria-valuenow', '55');
    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(slider).toHaveAttribute('aria-valuenow', '45');
    await user.keyboard('{End}');
    expect(slider).toHaveAttribute('aria-valuenow', '100');
    expect(slider).toHaveAttribute('aria-valuetext', '100% A, 0% B');
    await user.keyboard('{Home}');
    expect(slider).toHaveAttribute('aria-valuenow', '0');
  });

  it('says when masks cannot be compared here, and keeps the rest', async () => {
    const masked: DataCompareProps = props('side', {
      dataA: { regions: [region('sky', 0.9, 0, true)] },
      dataB: { regions: [region('sky', 0.8, 0, true)] },
    });
    renderPanel(<RegionsCompare {...masked} />);
    expect(screen.getByRole('checkbox', { name: 'Show disagreement' })).toBeDisabled();
    loadPictures();
    expect(await screen.findByText(/masks could not be compared here/)).toHaveAttribute('role', 'status');
    expect(screen.getByText('1 matched · 0 only in A · 0 only in B')).toBeInTheDocument();
  });

  it('says so when neither version found a region', () => {
    renderPanel(<RegionsCompare {...props('side', { dataA: { regions: [] }, dataB: undefined })} />);
    expect(screen.getByText('No regions in either version.')).toBeInTheDocument();
  });
});
