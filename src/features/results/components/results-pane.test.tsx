import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/react';
import type { WorkflowNode } from '@contract/clarifai';
import type { PredictResponse } from '@/lib/predict-response';
import { ResultsPane } from '@/features/results/components/results-pane';
import { renderWithClient } from '@/test/render';

const OK = { code: 10000, description: 'Ok' };

const nodes: WorkflowNode[] = [
  { id: 'ocr', model: { id: 'ocr-scene-english', model_type_id: 'optical-character-recognizer' } },
  { id: 'translate-spa', model: { id: 'text-translation-english-spanish', model_type_id: 'text-to-text' }, node_inputs: [{ node_id: 'ocr' }] },
];

const ocrResponse: PredictResponse = {
  status: OK,
  results: [
    {
      status: OK,
      input: { id: 'in-1', data: { image: { base64: 'dHJ1ZQ==' } } },
      outputs: [
        {
          id: 'o-ocr',
          status: { ...OK, time_ms: 412 },
          model: { id: 'ocr-scene-english' },
          data: {
            regions: [
              {
                id: 'r1',
                value: 0.97,
                region_info: { bounding_box: { top_row: 0.1, left_col: 0.1, bottom_row: 0.3, right_col: 0.6 } },
                data: { text: { raw: 'SOLD' } },
              },
              {
                id: 'r2',
                value: 0.91,
                region_info: { bounding_box: { top_row: 0.5, left_col: 0.1, bottom_row: 0.7, right_col: 0.9 } },
                data: { text: { raw: 'We can SELL YOURS too!' } },
              },
            ],
          },
        },
        {
          id: 'o-spa',
          status: OK,
          model: { id: 'text-translation-english-spanish' },
          data: { text: { raw: 'VENDIDO\n¡Nosotros también podemos venderla!' } },
        },
      ],
    },
  ],
};

const media = { kind: 'image' as const, url: 'blob:test/sign', name: 'sign.png' };

/** jsdom never decodes images: give the <img> a size and say it loaded, as a browser would. */
function loadImage(img: HTMLElement, width: number, height: number) {
  Object.defineProperty(img, 'naturalWidth', { configurable: true, value: width });
  Object.defineProperty(img, 'naturalHeight', { configurable: true, value: height });
  fireEvent.load(img);
}

describe('ResultsPane', () => {
  it('shows one section per node, named by the node id, with model, type, status and time', () => {
    renderWithClient(<ResultsPane response={ocrResponse} nodes={nodes} media={media} />);
    const ocr = screen.getByRole('region', { name: 'ocr' });
    expect(within(ocr).getByText('ocr-scene-english')).toBeInTheDocument();
    expect(within(ocr).getByText('optical-character-recognizer')).toBeInTheDocument();
    expect(within(ocr).getByText('Ok')).toBeInTheDocument();
    expect(within(ocr).getByText('412 ms')).toBeInTheDocument();
    expect(screen.getAllByRole('region').map((r) => r.getAttribute('aria-labelledby') && within(r).getByRole('heading').textContent)).toEqual([
      'ocr',
      'translate-spa',
    ]);
  });

  it('draws OCR boxes over the input in image pixels and lists the regions; hovering a row highlights its box', async () => {
    const { user } = renderWithClient(<ResultsPane response={ocrResponse} nodes={nodes} media={media} />);
    const ocr = screen.getByRole('region', { name: 'ocr' });
    loadImage(within(ocr).getByRole('img', { name: 'Input image' }), 800, 400);

    const overlay = within(ocr).getByRole('img', { name: 'Region boxes' });
    expect(overlay).toHaveAttribute('viewBox', '0 0 800 400');
    expect(overlay).toHaveAttribute('preserveAspectRatio', 'xMidYMid meet');
    const boxes = overlay.querySelectorAll('[aria-label^="Box "]');
    expect(boxes).toHaveLength(2);
    const firstRect = boxes[0]?.querySelector('rect');
    expect(firstRect).toHaveAttribute('x', '80');
    expect(firstRect).toHaveAttribute('y', '40');
    expect(firstRect).toHaveAttribute('width', '400');
    expect(firstRect).toHaveAttribute('height', '80');

    const rows = within(within(ocr).getByRole('list', { name: 'Regions' })).getAllByRole('listitem');
    expect(rows.map((row) => row.textContent)).toEqual(['SOLD 97.0%', 'We can SELL YOURS too! 91.0%']);

    await user.hover(rows[1]!);
    expect(overlay.querySelector('[data-region-index="1"]')).toHaveAttribute('data-highlighted', 'true');
    expect(overlay.querySelector('[data-region-index="0"]')).toHaveAttribute('data-highlighted', 'false');
    expect(rows[1]).toHaveAttribute('aria-current', 'true');

    await user.unhover(rows[1]!);
    expect(overlay.querySelector('[data-region-index="1"]')).toHaveAttribute('data-highlighted', 'false');
  });

  it('highlights the row of the box under the pointer', () => {
    renderWithClient(<ResultsPane response={ocrResponse} nodes={nodes} media={media} />);
    const ocr = screen.getByRole('region', { name: 'ocr' });
    loadImage(within(ocr).getByRole('img', { name: 'Input image' }), 800, 400);
    const overlay = within(ocr).getByRole('img', { name: 'Region boxes' });
    // Shown at half size: 400 × 200 client pixels, at the page's origin.
    overlay.getBoundingClientRect = () => new DOMRect(0, 0, 400, 200);
    fireEvent.pointerMove(overlay, { clientX: 200, clientY: 120 }); // image (400, 240): the second box
    const rows = within(within(ocr).getByRole('list', { name: 'Regions' })).getAllByRole('listitem');
    expect(rows[1]).toHaveAttribute('data-highlighted', 'true');
    expect(rows[0]).toHaveAttribute('data-highlighted', 'false');
  });

  it('highlights a region when the pointer is over its label, outside its box', () => {
    renderWithClient(<ResultsPane response={ocrResponse} nodes={nodes} media={media} />);
    const ocr = screen.getByRole('region', { name: 'ocr' });
    loadImage(within(ocr).getByRole('img', { name: 'Input image' }), 800, 400);
    const overlay = within(ocr).getByRole('img', { name: 'Region boxes' });
    overlay.getBoundingClientRect = () => new DOMRect(0, 0, 400, 200);
    const label = overlay.querySelector('[data-region-index="0"] text');
    expect(label).toHaveTextContent('SOLD 97.0%');
    fireEvent.pointerMove(label!, { clientX: 1, clientY: 1 }); // image (2, 2): in no box
    const rows = within(within(ocr).getByRole('list', { name: 'Regions' })).getAllByRole('listitem');
    expect(rows[0]).toHaveAttribute('data-highlighted', 'true');
  });

  it('shows translated text in a readable block with a copy button', () => {
    renderWithClient(<ResultsPane response={ocrResponse} nodes={nodes} media={media} />);
    const spanish = screen.getByRole('region', { name: 'translate-spa' });
    expect(within(spanish).getByText(/VENDIDO/)).toBeInTheDocument();
    expect(within(spanish).getByText(/¡Nosotros también podemos venderla!/)).toBeInTheDocument();
    expect(within(spanish).getByRole('button', { name: 'Copy text' })).toBeInTheDocument();
  });

  it('opens the raw JSON of one output with one click', async () => {
    const { user } = renderWithClient(<ResultsPane response={ocrResponse} nodes={nodes} media={media} />);
    const spanish = screen.getByRole('region', { name: 'translate-spa' });
    const toggle = within(spanish).getByRole('button', { name: 'Raw JSON' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    // A named region a keyboard can focus, so it can also scroll it.
    const raw = within(spanish).getByRole('region', { name: 'Raw JSON of translate-spa' });
    expect(raw).toHaveTextContent('"raw": "VENDIDO');
    expect(raw).toHaveAttribute('tabindex', '0');
  });

  it('shows a failed node’s status with its details, and an input’s own failure', async () => {
    const response: PredictResponse = {
      status: { code: 10010, description: 'Mixed Success' },
      results: [
        {
          status: OK,
          input: { id: 'a', data: {} },
          outputs: [
            { model: { id: 'ocr-scene-english' }, status: { code: 21313, description: 'Model prediction failed', details: 'tesseract crashed' } },
            { model: { id: 'text-translation-english-spanish' }, status: OK, data: { text: { raw: 'hola' } } },
          ],
        },
        { status: { code: 30300, description: 'Input could not be decoded', details: 'not an image' }, input: { id: 'b', data: {} } },
      ],
    };
    const { user } = renderWithClient(<ResultsPane response={response} nodes={nodes} />);
    const ocr = screen.getByRole('region', { name: 'ocr' });
    expect(within(ocr).getByRole('alert')).toHaveTextContent('This node failed: Model prediction failed (code 21313)tesseract crashed');
    expect(screen.getByRole('region', { name: 'translate-spa' })).toHaveTextContent('hola');
    expect(screen.getByText(/Some outputs failed/)).toBeInTheDocument();
    // Two inputs: a list to pick from; the failed one shows its own error when picked.
    await user.click(within(screen.getByRole('list', { name: 'Inputs' })).getByRole('button', { name: /^Input 2\b/ }));
    expect(screen.getByText('This input failed: Input could not be decoded (code 30300)')).toBeInTheDocument();
    expect(screen.getByText('not an image')).toBeInTheDocument();
  });

  it('keeps the other outputs on screen when one renderer breaks', async () => {
    // React reports the caught error through console.error, which fails tests by default.
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const broken: PredictResponse = {
      status: OK,
      outputs: [
        {
          model: { id: 'embedder' },
          data: {
            text: { raw: 'still here' },
            embeddings: [
              {
                get vector(): number[] {
                  throw new Error('vector is corrupt');
                },
              },
            ],
          },
        },
      ],
    };
    renderWithClient(<ResultsPane response={broken} />);
    const section = screen.getByRole('region', { name: 'embedder' });
    expect(within(section).getByText('still here')).toBeInTheDocument();
    expect(await within(section).findByRole('alert')).toHaveTextContent('Could not show the embeddings of this output: vector is corrupt');
  });
});
