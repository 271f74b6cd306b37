import { describe, expect, it } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/react';
import { DataView } from '@/features/results/renderers/data-view';
import { renderWithClient } from '@/test/render';

const media = { kind: 'image' as const, url: 'blob:test/faces', name: 'faces.png' };

/** Face-Search's last node: each face region carries its own cluster. */
const faces = [
  { id: 'a', box: [0.1, 0.1, 0.4, 0.3], cluster: 'c1', projection: [0.1, 0.2] },
  { id: 'b', box: [0.1, 0.4, 0.4, 0.6], cluster: 'c2', projection: [0.9, -0.4] },
  { id: 'c', box: [0.1, 0.7, 0.4, 0.9], cluster: 'c1', projection: [0.12, 0.21] },
].map(({ id, box, cluster, projection }) => ({
  id,
  region_info: {
    bounding_box: { top_row: box[0], left_col: box[1], bottom_row: box[2], right_col: box[3] },
  },
  data: { clusters: [{ id: cluster, projection }] },
}));

describe('per-region clusters', () => {
  it('plots one point per region, and hovering a point highlights its box', async () => {
    renderWithClient(<DataView data={{ regions: faces }} media={media} />);
    const picture = screen.getByRole('img', { name: 'Input image' });
    Object.defineProperty(picture, 'naturalWidth', { configurable: true, value: 800 });
    Object.defineProperty(picture, 'naturalHeight', { configurable: true, value: 400 });
    fireEvent.load(picture);
    const plot = await screen.findByRole('img', { name: 'Cluster projections of 3 regions' });
    const points = within(plot).getAllByRole('img');
    expect(points.map((p) => p.getAttribute('aria-label'))).toEqual([
      'Region 1: cluster c1 at (0.100, 0.200)',
      'Region 2: cluster c2 at (0.900, -0.400)',
      'Region 3: cluster c1 at (0.120, 0.210)',
    ]);
    // Regions that share a cluster share a colour.
    const fill = (label: RegExp) =>
      within(plot).getByRole('img', { name: label }).querySelectorAll('circle')[0]?.getAttribute('fill');
    expect(fill(/^Region 1/)).toBe(fill(/^Region 3/));
    expect(fill(/^Region 1/)).not.toBe(fill(/^Region 2/));

    fireEvent.pointerEnter(within(plot).getByRole('img', { name: /^Region 2/ }));
    const box = screen.getByRole('img', { name: /^Box 2/ });
    expect(box).toHaveAttribute('data-highlighted', 'true');
    expect(within(plot).getByRole('img', { name: /^Region 2/ })).toHaveAttribute('data-highlighted', 'true');
  });
});
