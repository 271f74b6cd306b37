/** Two versions' image outputs (an upscaler at ×2 and ×4) in the three views, with pixel sizes. */
import { describe, expect, it, vi } from 'vitest';
import { useState } from 'react';
import { fireEvent, screen } from '@testing-library/react';
import type { CompareViewMode, DataCompareProps } from '@/features/compare/components/types';
import { renderPanel, testSettings } from '@/features/compare/components/panels/test-props';
import { ImageCompare, pixelSizeText } from '@/features/compare/components/visual/image-compare';

const dataA = { image: { url: 'https://example.test/x2.png' } };
const dataB = { image: { url: 'https://example.test/x4.png' } };

function props(mode: CompareViewMode, overrides: Partial<DataCompareProps> = {}): DataCompareProps {
  return {
    dataA,
    dataB,
    media: undefined,
    name: 'upscaler',
    settings: { ...testSettings(), mode },
    ...overrides,
  };
}

function load(name: string, width: number, height: number) {
  const img = screen.getByRole('img', { name });
  Object.defineProperty(img, 'naturalWidth', { configurable: true, value: width });
  Object.defineProperty(img, 'naturalHeight', { configurable: true, value: height });
  fireEvent.load(img);
}

function Harness({ mode }: { mode: CompareViewMode }) {
  const [swipe, setSwipe] = useState(0.5);
  return (
    <ImageCompare {...props(mode)} settings={{ ...testSettings(), mode, swipe, onSwipeChange: setSwipe }} />
  );
}

describe('ImageCompare', () => {
  it('shows both images side by side with their pixel sizes', () => {
    renderPanel(<Harness mode="side" />);
    expect(screen.getByRole('figure', { name: 'Version A' })).toHaveTextContent('A: loading…');
    load('Version A image', 512, 512);
    load('Version B image', 1024, 1024);
    expect(screen.getByRole('figure', { name: 'Version A' })).toHaveTextContent('A: 512×512 px');
    expect(screen.getByRole('figure', { name: 'Version B' })).toHaveTextContent('B: 1024×1024 px');
  });

  it('swipes B over A at a divider the keyboard moves', async () => {
    const { user } = renderPanel(<Harness mode="swipe" />);
    load('Version B image', 1024, 1024);
    expect(screen.getByText('B: 1024×1024 px')).toBeInTheDocument();
    const b = screen.getByRole('img', { name: 'Version B image' });
    expect(b).toHaveStyle({ clipPath: 'inset(0 0 0 50%)' });
    const slider = screen.getByRole('slider', { name: 'Swipe position' });
    slider.focus();
    await user.keyboard('{ArrowLeft}');
    expect(slider).toHaveAttribute('aria-valuenow', '45');
    expect(b).toHaveStyle({ clipPath: 'inset(0 0 0 45%)' });
  });

  it('follows a pointer dragging the divider', () => {
    renderPanel(<Harness mode="swipe" />);
    const slider = screen.getByRole('slider', { name: 'Swipe position' });
    const frame = slider.parentElement;
    if (!frame) throw new Error('the divider has no frame');
    vi.spyOn(frame, 'getBoundingClientRect').mockReturnValue(
      DOMRect.fromRect({ x: 100, y: 0, width: 200, height: 100 }),
    );
    fireEvent.pointerDown(slider, { pointerId: 1, clientX: 150 });
    expect(slider).toHaveAttribute('aria-valuenow', '25');
    fireEvent.pointerMove(slider, { pointerId: 1, clientX: 250 });
    expect(slider).toHaveAttribute('aria-valuenow', '75');
    fireEvent.pointerUp(slider, { pointerId: 1 });
    fireEvent.pointerMove(slider, { pointerId: 1, clientX: 120 });
    expect(slider).toHaveAttribute('aria-valuenow', '75');
  });

  it('overlays B on A at an adjustable opacity', () => {
    renderPanel(<Harness mode="overlay" />);
    expect(screen.queryByRole('slider', { name: 'Swipe position' })).not.toBeInTheDocument();
    const opacity = screen.getByRole('slider', { name: 'B opacity' });
    const b = screen.getByRole('img', { name: 'Version B image' });
    expect(b).toHaveStyle({ opacity: '0.5' });
    fireEvent.change(opacity, { target: { value: '20' } });
    expect(b).toHaveStyle({ opacity: '0.2' });
  });

  it('falls back to side by side when one version has no image', () => {
    renderPanel(<ImageCompare {...props('swipe', { dataB: {} })} />);
    expect(screen.getByText('This version answered no image.')).toBeInTheDocument();
    expect(screen.queryByRole('slider', { name: 'Swipe position' })).not.toBeInTheDocument();
  });

  it('names a picture’s size, or why it has none', () => {
    expect(pixelSizeText('a', undefined)).toBe('A: loading…');
    expect(pixelSizeText('b', { src: 'x', failed: true })).toBe('B: could not be loaded');
    expect(pixelSizeText('b', { src: 'x', size: { width: 640, height: 480 } })).toBe('B: 640×480 px');
  });
});
