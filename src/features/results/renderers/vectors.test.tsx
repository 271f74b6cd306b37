import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/react';
import type { PredictResponse } from '@/lib/predict-response';
import { ResultsPane } from '@/features/results/components/results-pane';
import { DataView } from '@/features/results/renderers/data-view';
import { stripCells } from '@/features/results/renderers/embeddings';
import { renderWithClient } from '@/test/render';

const OK = { code: 10000, description: 'Ok' };

describe('embeddings', () => {
  it('shows the dimension count, a heat strip of the vector, and copies it as JSON', async () => {
    const writeText = vi.fn(async () => {});
    const { user } = renderWithClient(
      <DataView
        data={{ embeddings: [{ vector: [0.5, -1, 0.25, 0], num_dimensions: 4 }] }}
        media={undefined}
      />,
    );
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
    const item = within(await screen.findByRole('list', { name: 'Embeddings' })).getByRole('listitem');
    expect(item).toHaveTextContent('Embedding · 4 dimensions');
    const strip = within(item).getByRole('img', { name: /^Heat strip of 4 values/ });
    expect([...strip.querySelectorAll('rect')].map((r) => r.getAttribute('fill'))).toEqual([
      '#f3cf80',
      '#0072b2',
      '#f9e7bf',
      '#ffffff',
    ]);
    await user.click(within(item).getByRole('button', { name: 'Copy as JSON' }));
    expect(writeText).toHaveBeenCalledWith('[0.5,-1,0.25,0]');
    expect(within(item).getByRole('status')).toHaveTextContent('Copied');
  });

  it('says when the response holds fewer values than the dimension count', () => {
    renderWithClient(
      <DataView data={{ embeddings: [{ vector: [0.1, 0.2], num_dimensions: 768 }] }} media={undefined} />,
    );
    expect(screen.getByText('Embedding · 768 dimensions')).toBeInTheDocument();
    expect(screen.getByText('This response holds 2 of the 768 values.')).toBeInTheDocument();
  });

  it('averages long vectors into a bounded number of cells', () => {
    const cells = stripCells(
      Array.from({ length: 2048 }, (_, i) => (i < 1024 ? 1 : -1)),
      512,
    );
    expect(cells).toHaveLength(512);
    expect(cells[0]).toBe(1);
    expect(cells[511]).toBe(-1);
  });
});

describe('clusters', () => {
  const clusterAnswer = (projections: [string, number, number][]): PredictResponse => ({
    status: OK,
    results: projections.map(([id, x, y], i) => ({
      status: OK,
      input: { id: `in-${i}`, data: { text: { raw: `text ${i}` } } },
      outputs: [{ status: OK, model: { id: 'clusterer' }, data: { clusters: [{ id, projection: [x, y] }] } }],
    })),
  });

  it('plots a lone input’s point and marks it as this input', async () => {
    renderWithClient(<ResultsPane response={clusterAnswer([['9_17', 0.21, -0.25]])} />);
    const plot = await screen.findByRole('img', { name: 'Cluster projections of 1 input' });
    const point = within(plot).getByRole('img', {
      name: 'Input 1 (this input): cluster 9_17 at (0.210, -0.250)',
    });
    expect(point).toHaveAttribute('data-highlighted', 'true');
    expect(screen.getByRole('table', { name: 'Clusters' })).toHaveTextContent('9_17[0.210, -0.250]');
  });

  it('plots every input in each input’s plot, coloured by cluster, highlighting its own', async () => {
    renderWithClient(
      <ResultsPane
        response={clusterAnswer([
          ['a', 0, 0],
          ['b', 1, 1],
          ['a', 0.1, 0],
        ])}
      />,
    );
    // A batch shows one input at a time: the second one's plot.
    fireEvent.click(
      within(screen.getByRole('list', { name: 'Inputs' })).getByRole('button', { name: /^Input 2\b/ }),
    );
    const second = await screen.findByRole('img', { name: 'Cluster projections of 3 inputs' });
    const points = within(second).getAllByRole('img');
    expect(points).toHaveLength(3);
    expect(
      points
        .filter((p) => p.getAttribute('data-highlighted') === 'true')
        .map((p) => p.getAttribute('aria-label')),
    ).toEqual(['Input 2 (this input): cluster b at (1.000, 1.000)']);
    const fillOf = (label: RegExp) =>
      within(second)
        .getByRole('img', { name: label })
        .querySelector('circle:last-of-type')
        ?.getAttribute('fill');
    expect(fillOf(/^Input 1:/)).toBe(fillOf(/^Input 3:/));
    expect(fillOf(/^Input 1:/)).not.toBe(fillOf(/^Input 2/));
  });
});
