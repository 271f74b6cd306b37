/**
 * A video output on its input video, driven as a person would: stepping with the keys, clicking
 * the timeline, playing, several nodes moving together, and the grid when the video cannot play.
 * jsdom plays no video: the tests say it can (`canPlayType`), stand in for `play`/`pause`, and
 * give the <video> its size as a browser would once the metadata is read.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { Frame, Region } from '@contract/clarifai';
import { DataView } from '@/features/results/renderers/data-view';
import { ViewStateProvider } from '@/features/results/state/view-state';
import { renderWithClient } from '@/test/render';

const media = { kind: 'video' as const, url: 'blob:test/clip', name: 'clip.mp4' };

const word = (text: string, left: number): Region => ({
  region_info: { bounding_box: { top_row: 0.4, left_col: left, bottom_row: 0.6, right_col: left + 0.1 } },
  data: { text: { raw: text } },
});

/** Five frames of OCR at the default rate: frame k shows the digit k, frame 3 also "EXIT". */
const ocrFrames: Frame[] = [0, 1, 2, 3, 4].map((k) => ({
  frame_info: { index: k, time: k * 1000 + 500 },
  data:
    k === 3
      ? { regions: [word('3', 0.1), word('EXIT', 0.5)], text: { raw: '3 EXIT' } }
      : { regions: [word(String(k), 0.1)], text: { raw: String(k) } },
}));
const spanishFrames: Frame[] = ['cero', 'uno', 'dos', 'tres', 'cuatro'].map((text, k) => ({
  frame_info: { index: k, time: k * 1000 + 500 },
  data: { text: { raw: text } },
}));

beforeEach(() => {
  vi.spyOn(HTMLMediaElement.prototype, 'canPlayType').mockReturnValue('maybe');
  vi.spyOn(HTMLMediaElement.prototype, 'play').mockImplementation(function (this: HTMLMediaElement) {
    this.dispatchEvent(new Event('play'));
    return Promise.resolve();
  });
  vi.spyOn(HTMLMediaElement.prototype, 'pause').mockImplementation(function (this: HTMLMediaElement) {
    this.dispatchEvent(new Event('pause'));
  });
});

/** As a browser does once the metadata is read. */
function loadVideo(video: HTMLElement, width = 320, height = 240) {
  Object.defineProperty(video, 'videoWidth', { configurable: true, value: width });
  Object.defineProperty(video, 'videoHeight', { configurable: true, value: height });
  Object.defineProperty(video, 'duration', { configurable: true, value: 5 });
  fireEvent.loadedMetadata(video);
}

function videoOf(container: HTMLElement = document.body): HTMLVideoElement {
  const video = within(container).getByLabelText('Input video');
  if (!(video instanceof HTMLVideoElement)) throw new Error('not a video');
  return video;
}

/** Renders, then waits for the player's chunk: the frames renderer loads on demand. */
async function renderLoaded(ui: ReactElement) {
  const rendered = renderWithClient(ui);
  await waitFor(() => expect(document.querySelector('[data-renderer-loading]')).toBeNull());
  return rendered;
}

describe('the video player', () => {
  it('shows the video, the first frame’s answer and a timeline slider with one mark per frame', async () => {
    await renderLoaded(<DataView data={{ frames: ocrFrames }} media={media} name="ocr" />);
    expect(videoOf()).toHaveAttribute('src', 'blob:test/clip');
    expect(screen.getByRole('heading', { name: 'Frame 0 at 0.5 s' })).toBeInTheDocument();
    const timeline = screen.getByRole('slider', { name: 'Timeline' });
    expect(timeline).toHaveAttribute('aria-valuemin', '0');
    expect(timeline).toHaveAttribute('aria-valuemax', '4');
    expect(timeline).toHaveAttribute('aria-valuenow', '0');
    expect(timeline).toHaveAttribute('aria-valuetext', 'Frame 0 at 0.5 s: 0');
    expect(timeline).toHaveAttribute('data-frame-count', '5');
    // The grid is the fallback only.
    expect(screen.queryByRole('list', { name: 'Frames' })).not.toBeInTheDocument();
  });

  it('steps to the next and previous sampled frame with → and ←, seeking the video there', async () => {
    const { user } = await renderLoaded(<DataView data={{ frames: ocrFrames }} media={media} name="ocr" />);
    const video = videoOf();
    const timeline = screen.getByRole('slider', { name: 'Timeline' });
    timeline.focus();
    await user.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}');
    expect(timeline).toHaveAttribute('aria-valuenow', '3');
    expect(timeline).toHaveAttribute('aria-valuetext', 'Frame 3 at 3.5 s: 3 EXIT');
    expect(screen.getByRole('heading', { name: 'Frame 3 at 3.5 s' })).toBeInTheDocument();
    expect(video.currentTime).toBe(3.5);
    // The frame's regions are listed beside the video.
    const rows = within(screen.getByRole('list', { name: 'Regions' })).getAllByRole('listitem');
    expect(rows.map((row) => row.textContent?.trim())).toEqual(['3', 'EXIT']);

    // From the video itself too, and never past the ends.
    video.focus();
    await user.keyboard('{ArrowLeft}');
    expect(timeline).toHaveAttribute('aria-valuenow', '2');
    expect(video.currentTime).toBe(2.5);
    await user.keyboard('{ArrowLeft}{ArrowLeft}{ArrowLeft}');
    expect(timeline).toHaveAttribute('aria-valuenow', '0');
    expect(screen.getByRole('button', { name: 'Previous frame' })).toBeDisabled();
    timeline.focus();
    await user.keyboard('{End}');
    expect(timeline).toHaveAttribute('aria-valuenow', '4');
    expect(screen.getByRole('heading', { name: 'Frame 4 at 4.5 s' })).toBeInTheDocument();
  });

  it('seeks where the timeline is clicked, and names the frame under the pointer', async () => {
    await renderLoaded(<DataView data={{ frames: ocrFrames }} media={media} name="ocr" />);
    const timeline = screen.getByRole('slider', { name: 'Timeline' });
    vi.spyOn(timeline, 'getBoundingClientRect').mockReturnValue(new DOMRect(0, 0, 500, 36));
    fireEvent.pointerMove(timeline, { clientX: 330 });
    expect(screen.getByRole('tooltip')).toHaveTextContent('Frame 3 at 3.5 s: 3 EXIT');
    fireEvent.pointerDown(timeline, { clientX: 330, button: 0 });
    expect(timeline).toHaveAttribute('aria-valuenow', '3');
    expect(videoOf().currentTime).toBe(3.5);
    // Dragging keeps seeking.
    fireEvent.pointerMove(timeline, { clientX: 460 });
    expect(timeline).toHaveAttribute('aria-valuenow', '4');
    fireEvent.pointerUp(timeline);
    fireEvent.pointerMove(timeline, { clientX: 10 });
    expect(timeline).toHaveAttribute('aria-valuenow', '4');
    fireEvent.pointerLeave(timeline);
    expect(screen.queryByRole('tooltip')).not.toBeInTheDocument();
  });

  it('draws the frame’s regions over the video once its size is known, and follows the frame', async () => {
    const { user } = await renderLoaded(<DataView data={{ frames: ocrFrames }} media={media} name="ocr" />);
    expect(screen.queryByRole('img', { name: 'Region boxes' })).not.toBeInTheDocument();
    loadVideo(videoOf());
    const boxes = screen.getByRole('img', { name: 'Region boxes' });
    expect(boxes).toHaveAttribute('viewBox', '0 0 320 240');
    expect(boxes).toHaveAttribute('data-box-count', '1');
    screen.getByRole('slider', { name: 'Timeline' }).focus();
    await user.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}');
    expect(screen.getByRole('img', { name: 'Region boxes' })).toHaveAttribute('data-box-count', '2');
    expect(screen.getByRole('img', { name: 'Box 2: EXIT' })).toBeInTheDocument();
    expect(screen.getByText('3.5 s / 5.0 s')).toBeInTheDocument();
  });

  it('plays and pauses with space, not while a button has focus, and follows playback', async () => {
    const { user } = await renderLoaded(<DataView data={{ frames: ocrFrames }} media={media} name="ocr" />);
    const video = videoOf();
    video.focus();
    await user.keyboard(' ');
    expect(HTMLMediaElement.prototype.play).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('button', { name: 'Pause' })).toBeInTheDocument();

    // Playing: the frame on screen follows the video's time (jsdom has no frame callbacks,
    // so this is the animation-frame path).
    video.currentTime = 2.7;
    await act(() => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined))));
    await act(() => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined))));
    expect(screen.getByRole('heading', { name: 'Frame 2 at 2.5 s' })).toBeInTheDocument();
    expect(screen.getByRole('slider', { name: 'Timeline' })).toHaveAttribute('aria-valuenow', '2');

    // Stepping pauses.
    await user.keyboard('{ArrowRight}');
    expect(HTMLMediaElement.prototype.pause).toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Play' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Frame 3 at 3.5 s' })).toBeInTheDocument();

    // Space on a button presses the button (Next frame), it does not also play.
    screen.getByRole('button', { name: 'Next frame' }).focus();
    await user.keyboard(' ');
    expect(HTMLMediaElement.prototype.play).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('heading', { name: 'Frame 4 at 4.5 s' })).toBeInTheDocument();
  });

  it('moves every node’s player together, and shows the translation of the frame on screen', async () => {
    const { user } = await renderLoaded(
      <ViewStateProvider>
        <section aria-label="ocr">
          <DataView data={{ frames: ocrFrames }} media={media} name="ocr" />
        </section>
        <section aria-label="translate-spa">
          <DataView data={{ frames: spanishFrames }} media={media} name="translate-spa" />
        </section>
      </ViewStateProvider>,
    );
    const ocr = screen.getByRole('region', { name: 'ocr' });
    const spa = screen.getByRole('region', { name: 'translate-spa' });
    expect(within(spa).getByText('cero')).toBeInTheDocument();
    within(ocr).getByRole('slider', { name: 'Timeline' }).focus();
    await user.keyboard('{ArrowRight}{ArrowRight}');

    const spaTimeline = within(spa).getByRole('slider', { name: 'Timeline' });
    expect(spaTimeline).toHaveAttribute('aria-valuenow', '2');
    expect(spaTimeline).toHaveAttribute('aria-valuetext', 'Frame 2 at 2.5 s: dos');
    expect(within(spa).getByRole('heading', { name: 'Frame 2 at 2.5 s' })).toBeInTheDocument();
    expect(within(spa).getByText('dos')).toBeInTheDocument();
    expect(within(spa).queryByText('cero')).not.toBeInTheDocument();
    expect(videoOf(spa).currentTime).toBe(2.5);

    // And back from the other one.
    within(spa).getByRole('button', { name: 'Previous frame' }).click();
    expect(await within(ocr).findByRole('heading', { name: 'Frame 1 at 1.5 s' })).toBeInTheDocument();
    expect(videoOf(ocr).currentTime).toBe(1.5);
  });

  it('falls back to the frame grid when the video cannot be played', async () => {
    await renderLoaded(<DataView data={{ frames: ocrFrames }} media={media} name="ocr" />);
    fireEvent.error(videoOf());
    const grid = screen.getByRole('list', { name: 'Frames' });
    expect(within(grid).getAllByRole('listitem', { name: /^Frame \d+ at / })).toHaveLength(5);
    expect(screen.getByText(/cannot be played in this browser/)).toBeInTheDocument();
    expect(screen.queryByRole('slider', { name: 'Timeline' })).not.toBeInTheDocument();
  });

  it('keeps a timeline of 6,000 frames to one canvas and one cursor', async () => {
    const frames: Frame[] = Array.from({ length: 6000 }, (_, k) => ({
      frame_info: { index: k, time: k * 100 + 50 },
      data: k % 7 ? {} : { concepts: [{ id: 'sign', name: 'sign', value: 0.8 }] },
    }));
    await renderLoaded(<DataView data={{ frames }} media={media} name="big" />);
    const timeline = screen.getByRole('slider', { name: 'Timeline' });
    expect(timeline).toHaveAttribute('data-frame-count', '6000');
    expect(timeline).toHaveAttribute('aria-valuetext', 'Frame 0 at 0.05 s: sign 80.0%');
    expect(timeline.querySelectorAll('canvas')).toHaveLength(1);
    expect(timeline.children).toHaveLength(2);
  });
});
