/**
 * Regions over the input, driven through the results pane as a person would: the shared
 * threshold, the legend's toggles, masks and their opacity, crops linked to boxes, zoom.
 */
import { describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, within } from '@testing-library/react';
import type { Region } from '@contract/clarifai';
import type { PredictResponse } from '@/lib/predict-response';
import { PALETTE } from '@/lib/colors';
import { ResultsPane } from '@/features/results/components/results-pane';
import { bestFirst, firstRows } from '@/features/results/renderers/regions';
import { renderWithClient } from '@/test/render';

const OK = { code: 10000, description: 'Ok' };
const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const media = { kind: 'image' as const, url: 'blob:test/street', name: 'street.png' };

const box = (top: number, left: number, bottom: number, right: number) => ({
  bounding_box: { top_row: top, left_col: left, bottom_row: bottom, right_col: right },
});
const concept = (name: string, value: number) => ({ id: name, name, value });

function answer(
  outputs: { model: string; regions?: Region[]; concepts?: ReturnType<typeof concept>[] }[],
  inputs = 1,
): PredictResponse {
  return {
    status: OK,
    results: Array.from({ length: inputs }, (_, i) => ({
      status: OK,
      input: { id: `in-${i}`, data: { image: { base64: 'dHJ1ZQ==' } } },
      outputs: outputs.map((o) => ({
        status: OK,
        model: { id: o.model },
        data: { regions: o.regions, concepts: o.concepts },
      })),
    })),
  };
}

const detections: Region[] = [
  {
    id: 'd1',
    value: 0.95,
    region_info: box(0.1, 0.1, 0.4, 0.3),
    data: { concepts: [concept('person', 0.95)] },
  },
  { id: 'd2', value: 0.6, region_info: box(0.5, 0.5, 0.9, 0.9), data: { concepts: [concept('dog', 0.6)] } },
  {
    id: 'd3',
    value: 0.3,
    region_info: box(0.5, 0.1, 0.6, 0.2),
    data: { concepts: [concept('person', 0.3)] },
  },
];

/** jsdom never decodes images: give the <img> a size and say it loaded, as a browser would. */
function loadImage(img: HTMLElement, width: number, height: number) {
  Object.defineProperty(img, 'naturalWidth', { configurable: true, value: width });
  Object.defineProperty(img, 'naturalHeight', { configurable: true, value: height });
  fireEvent.load(img);
}

/** The boxes a person sees: hidden ones stay in the DOM, switched off by the overlay's stylesheet. */
function boxNames(section: HTMLElement) {
  const overlay = within(section).getByRole('img', { name: 'Region boxes' });
  return [...overlay.querySelectorAll('[aria-label^="Box "]')]
    .filter(isDisplayed)
    .map((g) => g.getAttribute('aria-label'));
}

function isDisplayed(element: Element): boolean {
  for (let node: Element | null = element; node; node = node.parentElement) {
    if (getComputedStyle(node).display === 'none') return false;
  }
  return true;
}

function setSlider(slider: HTMLElement, value: number) {
  fireEvent.change(slider, { target: { value: String(value) } });
}

describe('regions over the input', () => {
  it('hides boxes, rows and concept bars below the threshold, for every node at once', () => {
    renderWithClient(
      <ResultsPane
        response={answer([
          { model: 'detector', regions: detections },
          { model: 'classifier', concepts: [concept('street', 0.8), concept('night', 0.2)] },
        ])}
        media={media}
      />,
    );
    const detector = screen.getByRole('region', { name: 'detector' });
    loadImage(within(detector).getByRole('img', { name: 'Input image' }), 1000, 500);
    expect(boxNames(detector)).toEqual(['Box 1: person 95.0%', 'Box 3: person 30.0%', 'Box 2: dog 60.0%']);

    setSlider(screen.getByRole('slider', { name: 'Threshold' }), 0.5);

    expect(boxNames(detector)).toEqual(['Box 1: person 95.0%', 'Box 2: dog 60.0%']);
    expect(within(detector).getByRole('img', { name: 'Region boxes' })).toHaveAttribute(
      'data-box-count',
      '2',
    );
    const rows = within(within(detector).getByRole('list', { name: 'Regions' })).getAllByRole('listitem');
    expect(rows.map((row) => row.textContent)).toEqual(['person 95.0%', 'dog 60.0%']);
    expect(detector).toHaveTextContent('1 region hidden by the threshold or the legend.');
    const classifier = screen.getByRole('region', { name: 'classifier' });
    expect(within(classifier).getByRole('meter', { name: 'street' })).toBeInTheDocument();
    expect(within(classifier).queryByRole('meter', { name: 'night' })).toBeNull();
  });

  it('keeps the threshold across inputs', () => {
    renderWithClient(
      <ResultsPane
        response={answer([{ model: 'classifier', concepts: [concept('a', 0.9), concept('b', 0.1)] }], 2)}
      />,
    );
    setSlider(screen.getByRole('slider', { name: 'Threshold' }), 0.5);
    const inputs = within(screen.getByRole('list', { name: 'Inputs' })).getAllByRole('button');
    expect(inputs).toHaveLength(2);
    for (const input of inputs) {
      fireEvent.click(input);
      const section = screen.getByRole('region', { name: 'classifier' });
      expect(within(section).getByRole('meter', { name: 'a' })).toBeInTheDocument();
      expect(within(section).queryByRole('meter', { name: 'b' })).toBeNull();
    }
  });

  it('switches a class off and on with its legend checkbox', async () => {
    const { user } = renderWithClient(
      <ResultsPane response={answer([{ model: 'detector', regions: detections }])} media={media} />,
    );
    const detector = screen.getByRole('region', { name: 'detector' });
    loadImage(within(detector).getByRole('img', { name: 'Input image' }), 1000, 500);
    const legend = within(detector).getByRole('group', { name: 'Legend' });
    const person = within(legend).getByRole('checkbox', { name: 'person' });
    expect(person).toBeChecked();

    await user.click(person);
    expect(boxNames(detector)).toEqual(['Box 2: dog 60.0%']);
    expect(
      within(within(detector).getByRole('list', { name: 'Regions' })).getAllByRole('listitem'),
    ).toHaveLength(1);

    await user.click(person);
    expect(boxNames(detector)).toHaveLength(3);
  });

  it('fades the other classes while the pointer is over a legend entry', async () => {
    const { user } = renderWithClient(
      <ResultsPane response={answer([{ model: 'detector', regions: detections }])} media={media} />,
    );
    const detector = screen.getByRole('region', { name: 'detector' });
    loadImage(within(detector).getByRole('img', { name: 'Input image' }), 1000, 500);
    const overlay = within(detector).getByRole('img', { name: 'Region boxes' });
    await user.hover(within(detector).getByRole('checkbox', { name: 'dog' }));
    expect(overlay.querySelector('g[data-class="dog"]')).toHaveAttribute('opacity', '1');
    expect(overlay.querySelector('g[data-class="person"]')).toHaveAttribute('opacity', '0.2');
    await user.unhover(within(detector).getByRole('group', { name: 'Legend' }));
    expect(overlay.querySelector('g[data-class="person"]')).toHaveAttribute('opacity', '1');
  });

  it('labels a classifier’s region by its emotion, and hovering its crop highlights its box', async () => {
    // Face-Sentiment: the crop node's regions carry the images, the classifier's the emotions.
    const face = { id: 'f1', region_info: box(0.13, 0.26, 0.64, 0.79) };
    const { user } = renderWithClient(
      <ResultsPane
        response={answer([
          {
            model: 'crop',
            regions: [{ ...face, data: { image: { base64: PNG, image_info: { format: 'PNG' } } } }],
          },
          {
            model: 'face-sentiment',
            regions: [{ ...face, data: { concepts: [concept('neutral', 0.05), concept('happy', 0.92)] } }],
          },
        ])}
        media={media}
      />,
    );
    const sentiment = screen.getByRole('region', { name: 'face-sentiment' });
    loadImage(within(sentiment).getByRole('img', { name: 'Input image' }), 400, 400);
    expect(boxNames(sentiment)).toEqual(['Box 1: happy 92.0%']);
    const overlay = within(sentiment).getByRole('img', { name: 'Region boxes' });
    expect(overlay.querySelector('[data-region-index="0"] text')).toHaveTextContent('happy 92.0%');

    const crop = within(sentiment).getByRole('img', { name: 'Crop of region 1' });
    expect(crop).toHaveAttribute('src', `data:image/png;base64,${PNG}`);
    await user.hover(crop);
    expect(overlay.querySelector('[aria-label^="Box 1"]')).toHaveAttribute('data-highlighted', 'true');
    await user.unhover(crop);
    expect(overlay.querySelector('[aria-label^="Box 1"]')).toHaveAttribute('data-highlighted', 'false');

    // The crop node's own section draws the same boxes, with the thumbnail in the row.
    const cropSection = screen.getByRole('region', { name: 'crop' });
    expect(within(cropSection).getByRole('img', { name: 'Crop of region 1' })).toBeInTheDocument();
  });

  it('zooms with the buttons and resets', async () => {
    const { user } = renderWithClient(
      <ResultsPane response={answer([{ model: 'detector', regions: detections }])} media={media} />,
    );
    const detector = screen.getByRole('region', { name: 'detector' });
    loadImage(within(detector).getByRole('img', { name: 'Input image' }), 1000, 500);
    const reset = within(detector).getByRole('button', { name: 'Reset zoom' });
    expect(reset).toBeDisabled();
    expect(within(detector).getByRole('button', { name: 'Zoom out' })).toBeDisabled();
    await user.click(within(detector).getByRole('button', { name: 'Zoom in' }));
    expect(within(detector).getByText('150%')).toBeInTheDocument();
    // Image and boxes sit in the one transformed layer.
    const layer = within(detector).getByRole('img', { name: 'Region boxes' }).parentElement!;
    expect(layer.style.transform).toMatch(/scale\(1\.5\)/);
    expect(within(layer).getByRole('img', { name: 'Input image' })).toBeInTheDocument();
    await user.click(reset);
    expect(within(detector).getByText('100%')).toBeInTheDocument();
    expect(layer.style.transform).toBe('');
  });

  it('offers the annotated picture and the output as downloads', () => {
    renderWithClient(
      <ResultsPane response={answer([{ model: 'detector', regions: detections }])} media={media} />,
    );
    const detector = screen.getByRole('region', { name: 'detector' });
    loadImage(within(detector).getByRole('img', { name: 'Input image' }), 1000, 500);
    expect(within(detector).getByRole('button', { name: 'Download PNG' })).toBeEnabled();
    expect(within(detector).getByRole('button', { name: 'Download JSON' })).toBeEnabled();
  });
});

describe('masks', () => {
  const segments: Region[] = [
    {
      id: 's1',
      region_info: { mask: { image: { base64: PNG } } },
      data: { concepts: [concept('person', 0.99)] },
    },
    {
      id: 's2',
      region_info: { mask: { image: { base64: PNG } } },
      data: { concepts: [concept('sky', 0.97)] },
    },
  ];

  it('draws them in one layer whose opacity follows the "Mask opacity" slider', () => {
    renderWithClient(
      <ResultsPane response={answer([{ model: 'segmenter', regions: segments }])} media={media} />,
    );
    const segmenter = screen.getByRole('region', { name: 'segmenter' });
    loadImage(within(segmenter).getByRole('img', { name: 'Input image' }), 64, 48);
    const masks = within(segmenter).getByRole('img', { name: 'Segmentation masks' });
    expect(masks).toHaveStyle({ opacity: '0.5' });
    expect(masks.querySelectorAll('canvas')).toHaveLength(2);
    expect(masks.querySelector('canvas')).toHaveAttribute('width', '64');

    setSlider(screen.getByRole('slider', { name: 'Mask opacity' }), 0.2);
    expect(masks).toHaveStyle({ opacity: '0.2' });
  });

  it('dims the other classes while one is hovered in the legend, and hides a class switched off', async () => {
    const { user } = renderWithClient(
      <ResultsPane response={answer([{ model: 'segmenter', regions: segments }])} media={media} />,
    );
    const segmenter = screen.getByRole('region', { name: 'segmenter' });
    loadImage(within(segmenter).getByRole('img', { name: 'Input image' }), 64, 48);
    const masks = within(segmenter).getByRole('img', { name: 'Segmentation masks' });
    await user.hover(within(segmenter).getByRole('checkbox', { name: 'sky' }));
    expect(masks.querySelector('canvas[data-class="sky"]')).toHaveStyle({ opacity: '1' });
    expect(masks.querySelector('canvas[data-class="person"]')).toHaveStyle({ opacity: '0.2' });
    await user.click(within(segmenter).getByRole('checkbox', { name: 'person' }));
    expect(masks.querySelector('canvas[data-class="person"]')).toBeNull();
  });

  it('paints each mask in its class colour and marks the layer rendered once every mask has loaded', () => {
    // jsdom has no canvas: a fake 2D context that hands back a grey mask (one pixel on of four).
    const painted: Uint8ClampedArray[] = [];
    const fake = {
      clearRect: () => {},
      drawImage: () => {},
      getImageData: () => ({
        data: Uint8ClampedArray.from([0, 0, 0, 255, 255, 255, 255, 255, 0, 0, 0, 255, 0, 0, 0, 255]),
      }),
      putImageData: (image: { data: Uint8ClampedArray }) => void painted.push(image.data),
      imageSmoothingEnabled: true,
    };
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(
      fake as unknown as CanvasRenderingContext2D,
    );
    vi.stubGlobal(
      'ImageData',
      class {
        constructor(readonly data: Uint8ClampedArray) {}
      },
    );
    renderWithClient(
      <ResultsPane response={answer([{ model: 'segmenter', regions: segments }])} media={media} />,
    );
    const segmenter = screen.getByRole('region', { name: 'segmenter' });
    loadImage(within(segmenter).getByRole('img', { name: 'Input image' }), 2, 2);
    const masks = within(segmenter).getByRole('img', { name: 'Segmentation masks' });
    const files = masks.querySelectorAll('img');
    expect(masks).toHaveAttribute('data-rendered', 'false');
    act(() => void fireEvent.load(files[0]!));
    expect(masks).toHaveAttribute('data-rendered', 'false');
    act(() => void fireEvent.load(files[1]!));
    expect(masks).toHaveAttribute('data-rendered', 'true');
    expect(painted).toHaveLength(2);
    // Off pixels transparent, the on pixel opaque in the class colour: two classes, two colours.
    const [person, sky] = painted.map((pixels) => [...pixels]);
    expect(person!.slice(0, 4)).toEqual([0, 0, 0, 0]);
    expect(person![7]).toBe(255);
    const hex = (p: number[]) =>
      `#${p
        .slice(4, 7)
        .map((c) => c.toString(16).padStart(2, '0'))
        .join('')}`.toUpperCase();
    expect(PALETTE.map((c) => c.toUpperCase())).toContain(hex(person!));
    expect(hex(person!)).not.toBe(hex(sky!));
    vi.unstubAllGlobals();
  });
});

describe('thousands of boxes', () => {
  it('draws 5,000 boxes on one canvas, finds the one under the pointer through the grid, and filters by threshold', () => {
    // jsdom has neither canvas nor ResizeObserver: count what reaches the 2D context.
    const strokes: number[] = [];
    const rects: number[] = [];
    const fake = new Proxy(
      {},
      {
        get: (_target, key) =>
          key === 'rect'
            ? () => void (rects[rects.length - 1]! += 1)
            : key === 'beginPath'
              ? () => void rects.push(0)
              : key === 'stroke'
                ? () => void strokes.push(rects.at(-1) ?? 0)
                : () => {},
        set: () => true,
      },
    );
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(fake as CanvasRenderingContext2D);
    vi.stubGlobal(
      'ResizeObserver',
      class {
        constructor(private readonly callback: () => void) {}
        observe() {
          this.callback();
        }
        disconnect() {}
      },
    );
    Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 1000 });
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 500 });

    const many: Region[] = Array.from({ length: 5000 }, (_, i) => {
      const column = i % 100;
      const row = Math.floor(i / 100);
      return {
        id: `r${i}`,
        value: (i % 10) / 10 + 0.05,
        region_info: box(row / 50, column / 100, (row + 0.8) / 50, (column + 0.8) / 100),
        data: { concepts: [concept(i % 2 ? 'odd' : 'even', (i % 10) / 10 + 0.05)] },
      };
    });
    renderWithClient(<ResultsPane response={answer([{ model: 'detector', regions: many }])} media={media} />);
    const detector = screen.getByRole('region', { name: 'detector' });
    loadImage(within(detector).getByRole('img', { name: 'Input image' }), 1000, 500);
    const overlay = within(detector).getByRole('img', { name: 'Region boxes' });
    expect(overlay).toHaveAttribute('data-box-count', '5000');
    expect(overlay).toHaveAttribute('data-render', 'canvas');
    // One path per colour, 5,000 rects in all; no element per box, no labels at this density.
    expect(strokes).toHaveLength(2);
    expect(strokes.reduce((a, b) => a + b, 0)).toBe(5000);
    expect(overlay.querySelectorAll('[aria-label^="Box "]')).toHaveLength(0);
    expect(
      within(within(detector).getByRole('list', { name: 'Regions' })).getAllByRole('listitem'),
    ).toHaveLength(100);

    overlay.getBoundingClientRect = () => new DOMRect(0, 0, 1000, 500);
    // Region 4321: column 21, row 43 → x 210..218, y 430..438.
    fireEvent.pointerMove(overlay, { clientX: 214, clientY: 434 });
    expect(overlay.querySelector('[data-highlighted="true"]')).toHaveAttribute(
      'aria-label',
      'Box 4322: odd 15.0%',
    );
    expect(strokes).toHaveLength(2); // a hover does not redraw the canvas

    strokes.length = 0;
    setSlider(screen.getByRole('slider', { name: 'Threshold' }), 0.5);
    expect(overlay).toHaveAttribute('data-box-count', '2500');
    expect(strokes.reduce((a, b) => a + b, 0)).toBe(2500);

    delete (HTMLElement.prototype as { clientWidth?: number }).clientWidth;
    delete (HTMLElement.prototype as { clientHeight?: number }).clientHeight;
    vi.unstubAllGlobals();
  });
});

describe('firstRows', () => {
  const items = [0.2, 0.9, 0.5, undefined, 0.7].map((score, index) => ({ index, score }));

  it('lists the best-scoring shown rows, in the answer’s order', () => {
    const rows = firstRows(bestFirst(items), (item) => item.index !== 1, 2);
    expect(rows.map((r) => r.index)).toEqual([2, 4]);
  });

  it('puts regions without a score last', () => {
    expect(firstRows(bestFirst(items), () => true, 4).map((r) => r.index)).toEqual([0, 1, 2, 4]);
  });
});
