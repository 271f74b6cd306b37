import { beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, within } from '@testing-library/react';
import { useState } from 'react';
import type { Data, Frame } from '@contract/clarifai';
import type { BaseMedia } from '@/features/results/renderers/types';
import { FramesCompare, stripRects } from '@/features/compare/components/panels/frames-compare';
import { renderPanel, testSettings } from '@/features/compare/components/panels/test-props';

/** Ten frames, 100 ms apart; B sees a dog instead of a cat at 200, 300 and 700 ms. */
const times = [0, 100, 200, 300, 400, 500, 600, 700, 800, 900];
const frame = (time: number, concept: string): Frame => ({
  frame_info: { time },
  data: { concepts: [{ id: concept, name: concept, value: 0.9 }] },
});
const framesA = times.map((time) => frame(time, 'cat'));
const framesB = times.map((time) => frame(time, [200, 300, 700].includes(time) ? 'dog' : 'cat'));
const video: BaseMedia = { kind: 'video', url: 'blob:clip' };

let fills: number;
beforeEach(() => {
  fills = 0;
  const context = {
    clearRect: () => undefined,
    fillRect: () => void (fills += 1),
    fillStyle: '',
  };
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(
    context as unknown as CanvasRenderingContext2D,
  );
});

const names = (data: Data | undefined) =>
  (data?.concepts ?? []).map((concept) => concept.name).join(',') || 'none';

/** The integrator's side: the time lives in state; each change is recorded. */
function Controlled({ onFrameChange, initial }: { onFrameChange: (ms: number) => void; initial?: number }) {
  const [frameMs, setFrameMs] = useState<number | undefined>(initial);
  return (
    <FramesCompare
      framesA={framesA}
      framesB={framesB}
      media={video}
      name="general"
      settings={testSettings()}
      frameMs={frameMs}
      onFrameChange={(ms) => {
        onFrameChange(ms);
        setFrameMs(ms);
      }}
      renderFrame={(dataA, dataB, media) => (
        <div>
          <p>
            A {names(dataA)} · B {names(dataB)} at {media?.timeMs} ms of {media?.url}
          </p>
          <input aria-label="Note" />
        </div>
      )}
    />
  );
}

function renderFrames(initial?: number) {
  const onFrameChange = vi.fn();
  const result = renderPanel(<Controlled onFrameChange={onFrameChange} initial={initial} />);
  return { ...result, onFrameChange, slider: screen.getByRole('slider', { name: 'Frame' }) };
}

describe('FramesCompare', () => {
  it('counts the frames where A and B disagree, and marks them on the strip', () => {
    renderFrames();
    expect(screen.getByText('3 of 10 frames disagree (2 stretches).')).toBeInTheDocument();
    expect(screen.getByText('Frame 1 of 10 at 0 s')).toBeInTheDocument();
    expect(screen.getByText('A cat · B cat at 0 ms of blob:clip')).toBeInTheDocument();
    // One bar per stretch.
    expect(fills).toBe(2);
    const list = screen.getByRole('list', { name: 'Disagreements' });
    expect(
      within(list)
        .getAllByRole('button')
        .map((button) => button.textContent),
    ).toEqual(['0.2 s to 0.3 s (2 frames)', '0.7 s: different concepts']);
  });

  it('goes to the next and previous disagreement with the buttons', async () => {
    const { user, slider, onFrameChange } = renderFrames();
    expect(screen.getByRole('button', { name: /Previous disagreement/ })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: /Next disagreement/ }));
    expect(onFrameChange).toHaveBeenLastCalledWith(200);
    expect(slider).toHaveAttribute('aria-valuenow', '2');
    expect(screen.getByText('Frame 3 of 10 at 0.2 s')).toBeInTheDocument();
    expect(screen.getByText('A cat · B dog at 200 ms of blob:clip')).toBeInTheDocument();
    expect(screen.getByText('A and B disagree here: different concepts')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: /Next disagreement/ }));
    await user.click(screen.getByRole('button', { name: /Next disagreement/ }));
    expect(onFrameChange).toHaveBeenLastCalledWith(700);
    expect(slider).toHaveAttribute('aria-valuenow', '7');
    expect(screen.getByRole('button', { name: /Next disagreement/ })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: /Previous disagreement/ }));
    expect(onFrameChange).toHaveBeenLastCalledWith(300);
    expect(slider).toHaveAttribute('aria-valuenow', '3');
  });

  it('jumps between disagreements with ← / →, steps with the slider keys, and leaves typing alone', async () => {
    const { user, slider, onFrameChange } = renderFrames(500);
    expect(slider).toHaveAttribute('aria-valuenow', '5');
    slider.focus();
    await user.keyboard('{ArrowRight}');
    expect(onFrameChange).toHaveBeenLastCalledWith(700);
    await user.keyboard('{ArrowLeft}');
    expect(onFrameChange).toHaveBeenLastCalledWith(300);
    await user.keyboard('{ArrowUp}');
    expect(slider).toHaveAttribute('aria-valuenow', '4');
    await user.keyboard('{End}');
    expect(onFrameChange).toHaveBeenLastCalledWith(900);
    await user.keyboard('{Home}');
    expect(slider).toHaveAttribute('aria-valuenow', '0');

    onFrameChange.mockClear();
    await user.click(screen.getByRole('textbox', { name: 'Note' }));
    await user.keyboard('{ArrowRight}');
    expect(onFrameChange).not.toHaveBeenCalled();
    // Focus on a button inside the component still counts.
    screen.getByRole('button', { name: /Next disagreement/ }).focus();
    await user.keyboard('{ArrowRight}');
    expect(onFrameChange).toHaveBeenLastCalledWith(200);
  });

  it('shows the aligned frame nearest to the time it is given, and a list button goes there', async () => {
    const { user, slider, onFrameChange } = renderFrames(640);
    expect(slider).toHaveAttribute('aria-valuenow', '6');
    await user.click(screen.getByText('Where A and B disagree'));
    await user.click(screen.getByRole('button', { name: '0.7 s: different concepts' }));
    expect(onFrameChange).toHaveBeenLastCalledWith(700);
  });

  it('seeks where the strip is clicked', () => {
    const { slider, onFrameChange } = renderFrames();
    vi.spyOn(slider, 'getBoundingClientRect').mockReturnValue(new DOMRect(0, 0, 500, 20));
    fireEvent.pointerDown(slider, { button: 0, clientX: 420, pointerId: 1 });
    expect(onFrameChange).toHaveBeenLastCalledWith(800);
  });

  it('diffs again when the threshold changes', () => {
    const { store } = renderFrames();
    expect(screen.getByText('3 of 10 frames disagree (2 stretches).')).toBeInTheDocument();
    // Nothing in either version reaches 0.95: they agree everywhere.
    act(() => store.set({ threshold: 0.95 }));
    expect(screen.getByText('A and B agree on all 10 frames.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Next disagreement/ })).toBeDisabled();
  });

  it('scrubs 6,000 frames without redrawing the strip', async () => {
    const many = Array.from({ length: 6000 }, (_, i) => frame(i * 100, 'cat'));
    const other = many.map((f, i) => (i % 7 === 0 ? frame(i * 100, 'dog') : f));
    const onFrameChange = vi.fn();
    function Big() {
      const [frameMs, setFrameMs] = useState<number | undefined>(undefined);
      return (
        <FramesCompare
          framesA={many}
          framesB={other}
          media={video}
          name="general"
          settings={testSettings()}
          frameMs={frameMs}
          onFrameChange={(ms) => {
            onFrameChange(ms);
            setFrameMs(ms);
          }}
          renderFrame={() => null}
        />
      );
    }
    const { user } = renderPanel(<Big />);
    expect(screen.getByText('858 of 6000 frames disagree (858 stretches).')).toBeInTheDocument();
    const drawn = fills;
    expect(drawn).toBe(858);
    const slider = screen.getByRole('slider', { name: 'Frame' });
    slider.focus();
    await user.keyboard('{ArrowRight}{ArrowRight}{PageUp}{End}');
    expect(onFrameChange).toHaveBeenLastCalledWith(599_900);
    expect(slider).toHaveAttribute('aria-valuenow', '5999');
    expect(fills).toBe(drawn);
    // The list of stretches stays short until asked.
    expect(within(screen.getByRole('list', { name: 'Disagreements' })).getAllByRole('button')).toHaveLength(
      30,
    );
  });

  it('places the strip’s bars by frame slot, at least a pixel wide', () => {
    expect(
      stripRects(
        [
          [2, 3],
          [7, 7],
        ],
        10,
        500,
      ),
    ).toEqual([
      { x: 100, width: 100 },
      { x: 350, width: 50 },
    ]);
    expect(stripRects([[5, 5]], 6000, 600)).toEqual([{ x: 0.5, width: 1 }]);
  });
});
