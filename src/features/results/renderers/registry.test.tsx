import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import type { Data } from '@contract/clarifai';
import { OUTPUT_KINDS } from '@/features/results/lib/output-kinds';
import { outputRenderers } from '@/features/results/renderers/registry';
import { DataView } from '@/features/results/renderers/data-view';
import { renderWithClient } from '@/test/render';

const PNG_1PX = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

describe('the output registry', () => {
  it('has a renderer for every kind', () => {
    expect(Object.keys(outputRenderers).sort()).toEqual([...OUTPUT_KINDS].sort());
  });

  it('draws a Face-Sentiment style answer: crops with the classifier’s concepts inside each region', () => {
    const data: Data = {
      regions: [
        {
          id: 'face-1',
          region_info: { bounding_box: { top_row: 0.13, left_col: 0.26, bottom_row: 0.64, right_col: 0.79 } },
          data: {
            image: { base64: PNG_1PX, image_info: { width: 183, height: 251, format: 'PNG' } },
            concepts: [
              { id: 'neutral', name: 'neutral', value: 0.2 },
              { id: 'happy', name: 'happy', value: 0.7 },
            ],
          },
        },
      ],
    };
    renderWithClient(<DataView data={data} media={undefined} />);
    const row = within(screen.getByRole('list', { name: 'Regions' })).getByRole('listitem');
    // Named by its top concept, the next one as a chip, the crop as a thumbnail.
    expect(row).toHaveTextContent('happy 70.0%');
    expect(row).toHaveTextContent('neutral 20.0%');
    expect(within(row).getByRole('img', { name: 'Crop of region 1' })).toHaveAttribute('src', `data:image/png;base64,${PNG_1PX}`);
    expect(screen.getByText('No input picture to draw these regions on.')).toBeInTheDocument();
  });

  it('draws concepts as bars sorted by value, each exposing its value', () => {
    renderWithClient(
      <DataView
        data={{ concepts: [{ id: 'a', name: 'low', value: 0.1 }, { id: 'b', name: 'high', value: 0.9 }] }}
        media={undefined}
      />,
    );
    const meters = screen.getAllByRole('meter');
    expect(meters.map((m) => m.getAttribute('aria-label'))).toEqual(['high', 'low']);
    expect(meters[0]).toHaveAttribute('aria-valuenow', '0.9');
  });

  it('draws embeddings, clusters, an output image, audio and unknown fields', async () => {
    const data: Data = {
      embeddings: [{ vector: [3, 4], num_dimensions: 2 }],
      clusters: [{ id: '3_14', projection: [0.5, -0.25] }],
      image: { base64: PNG_1PX, image_info: { format: 'PNG', width: 1, height: 1 } },
      audio: { base64: 'UklGRg==', audio_info: { audio_format: 'wav' } },
      tracks: [{ id: 't1' }],
    };
    renderWithClient(<DataView data={data} media={undefined} />);
    expect(await screen.findByText('Embedding · 2 dimensions')).toBeInTheDocument();
    expect(await screen.findByRole('table', { name: 'Clusters' })).toBeInTheDocument();
    expect(await screen.findByRole('img', { name: 'Output image' })).toBeInTheDocument();
    await waitFor(() => expect(document.querySelector('audio')).not.toBeNull());
    expect(screen.getByText(/L2 norm 5\.000/)).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Clusters' })).toHaveTextContent('3_14[0.500, -0.250]');
    expect(screen.getByRole('img', { name: 'Output image' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Download image' })).toHaveAttribute('download', 'output.png');
    expect(screen.getByText('1 × 1 PNG')).toBeInTheDocument();
    expect(document.querySelector('audio')).toHaveAttribute('src', 'data:audio/wav;base64,UklGRg==');
    expect(screen.getByText('tracks')).toBeInTheDocument();
  });

  it('lists video frames with their time and each frame’s own data', async () => {
    renderWithClient(
      <DataView
        data={{
          frames: [
            { frame_info: { time: 500 }, data: { concepts: [{ id: 'c', name: 'cat', value: 0.8 }] } },
            { frame_info: { index: 1, time: '1500' }, data: {} },
          ],
        }}
        media={undefined}
      />,
    );
    const frames = within(await screen.findByRole('list', { name: 'Frames' })).getAllByRole('listitem', { name: /^Frame/ });
    expect(frames.map((f) => f.getAttribute('aria-label'))).toEqual(['Frame 0 at 0.5 s', 'Frame 1 at 1.5 s']);
    expect(within(frames[0]!).getByRole('meter', { name: 'cat' })).toBeInTheDocument();
    expect(frames[1]).toHaveTextContent('Nothing found in this frame.');
  });
});
