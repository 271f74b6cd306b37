import { describe, expect, it } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/react';
import type { PredictResponse } from '@/lib/predict-response';
import { ResultsPane } from '@/features/results/components/results-pane';
import { renderWithClient } from '@/test/render';

const OK = { code: 10000, description: 'Ok' };
const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

const upscaled: PredictResponse = {
  status: OK,
  results: [
    {
      status: OK,
      input: { id: 'in', data: { image: { base64: 'dHJ1ZQ==' } } },
      outputs: [
        {
          status: OK,
          model: { id: 'upscale-x2', model_type_id: 'image-to-image' },
          data: { image: { base64: PNG, image_info: { width: 512, height: 512, format: 'PNG' } } },
        },
      ],
    },
  ],
};

function loadImage(img: HTMLElement, width: number, height: number) {
  Object.defineProperty(img, 'naturalWidth', { configurable: true, value: width });
  Object.defineProperty(img, 'naturalHeight', { configurable: true, value: height });
  fireEvent.load(img);
}

describe('output images', () => {
  it('compares an image-to-image output with its input: a before/after divider, both sizes, a download', async () => {
    renderWithClient(
      <ResultsPane
        response={upscaled}
        media={{ kind: 'image', url: 'blob:test/small', name: 'small.png' }}
      />,
    );
    const section = screen.getByRole('region', { name: 'upscale-x2' });
    const figure = await within(section).findByRole('figure');
    expect(figure).toHaveAttribute('data-rendered', 'false');
    loadImage(within(section).getByRole('img', { name: 'Output image' }), 512, 512);
    loadImage(within(section).getByRole('img', { name: 'Input image' }), 256, 256);
    expect(figure).toHaveAttribute('data-rendered', 'true');
    expect(figure).toHaveTextContent('Output 512 × 512');
    expect(figure).toHaveTextContent('Input 256 × 256');

    const before = within(section).getByRole('img', { name: 'Input image' });
    expect(before).toHaveStyle({ clipPath: 'inset(0 50% 0 0)' });
    fireEvent.change(within(section).getByRole('slider', { name: 'Before/after' }), {
      target: { value: '80' },
    });
    expect(before).toHaveStyle({ clipPath: 'inset(0 20% 0 0)' });

    expect(within(section).getByRole('link', { name: 'Download image' })).toHaveAttribute(
      'download',
      'upscale-x2.png',
    );
    // Both pictures sit in the one zoomed layer.
    expect(before.parentElement).toBe(
      within(section).getByRole('img', { name: 'Output image' }).parentElement,
    );
    expect(within(section).getByRole('button', { name: 'Zoom in' })).toBeInTheDocument();
  });

  it('shows a generated image alone when the input was not an image', async () => {
    renderWithClient(<ResultsPane response={upscaled} />);
    const section = screen.getByRole('region', { name: 'upscale-x2' });
    expect(await within(section).findByRole('img', { name: 'Output image' })).toBeInTheDocument();
    expect(within(section).queryByRole('slider', { name: 'Before/after' })).toBeNull();
    expect(section).toHaveTextContent('512 × 512 PNG');
  });
});
