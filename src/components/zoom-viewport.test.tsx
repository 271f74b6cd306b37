import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useZoom, ZoomControls, ZoomViewport } from '@/components/zoom-viewport';

function Viewer({ wheel }: { wheel?: 'always' | 'with-modifier' }) {
  const zoom = useZoom();
  return (
    <>
      <ZoomControls zoom={zoom} />
      <ZoomViewport zoom={zoom} wheel={wheel} aria-label="Picture">
        <img alt="content" />
      </ZoomViewport>
    </>
  );
}

/** A 400 × 200 viewport at the page's origin (jsdom lays nothing out). */
function setUp(wheel?: 'always' | 'with-modifier') {
  render(<Viewer wheel={wheel} />);
  const viewport = screen.getByLabelText('Picture');
  viewport.getBoundingClientRect = () => new DOMRect(0, 0, 400, 200);
  const layer = screen.getByRole('img', { name: 'content' }).parentElement!;
  return { viewport, layer };
}

const scaleOf = (layer: HTMLElement) => Number(/scale\(([\d.]+)\)/.exec(layer.style.transform)?.[1] ?? 1);
const translateOf = (layer: HTMLElement) =>
  /translate\((-?[\d.]+)px, (-?[\d.]+)px\)/.exec(layer.style.transform)?.slice(1).map(Number);

describe('ZoomViewport', () => {
  it('zooms in around the pointer on wheel up, so the point under it stays put', () => {
    const { viewport, layer } = setUp();
    const notCancelled = fireEvent.wheel(viewport, { deltaY: -100, clientX: 100, clientY: 50 });
    expect(notCancelled).toBe(false); // the page does not scroll while zooming
    const scale = scaleOf(layer);
    expect(scale).toBeGreaterThan(1);
    const [x, y] = translateOf(layer)!;
    // Content point (100, 50) is still shown at (100, 50).
    expect(100 * scale + x!).toBeCloseTo(100);
    expect(50 * scale + y!).toBeCloseTo(50);
  });

  it('lets a wheel down over an unzoomed picture scroll the page', () => {
    const { viewport, layer } = setUp();
    expect(fireEvent.wheel(viewport, { deltaY: 100, clientX: 10, clientY: 10 })).toBe(true);
    expect(layer.style.transform).toBe('');
  });

  it('pans by dragging once zoomed, and stops at the edges', async () => {
    const { viewport, layer } = setUp();
    await userEvent.click(screen.getByRole('button', { name: 'Zoom in' }));
    expect(scaleOf(layer)).toBe(1.5);
    const start = translateOf(layer)!;
    fireEvent.pointerDown(viewport, { pointerId: 1, button: 0, clientX: 200, clientY: 100 });
    fireEvent.pointerMove(viewport, { pointerId: 1, clientX: 230, clientY: 90 });
    expect(translateOf(layer)).toEqual([start[0]! + 30, start[1]! - 10]);
    fireEvent.pointerMove(viewport, { pointerId: 1, clientX: 2000, clientY: 2000 });
    expect(translateOf(layer)).toEqual([0, 0]);
    fireEvent.pointerUp(viewport, { pointerId: 1 });
    fireEvent.pointerMove(viewport, { pointerId: 1, clientX: 0, clientY: 0 });
    expect(translateOf(layer)).toEqual([0, 0]);
  });

  it('in a small tiled viewer, zooms only with Ctrl (or a pinch) so the page keeps scrolling', () => {
    const { viewport, layer } = setUp('with-modifier');
    expect(fireEvent.wheel(viewport, { deltaY: -100, clientX: 100, clientY: 50 })).toBe(true);
    expect(layer.style.transform).toBe('');
    fireEvent.wheel(viewport, { deltaY: -100, clientX: 100, clientY: 50, ctrlKey: true });
    expect(scaleOf(layer)).toBeGreaterThan(1);
  });

  it('resets with its button, which is off while there is nothing to reset', async () => {
    setUp();
    const reset = screen.getByRole('button', { name: 'Reset zoom' });
    expect(reset).toBeDisabled();
    await userEvent.click(screen.getByRole('button', { name: 'Zoom in' }));
    expect(screen.getByText('150%')).toBeInTheDocument();
    await userEvent.click(reset);
    expect(screen.getByText('100%')).toBeInTheDocument();
  });
});
