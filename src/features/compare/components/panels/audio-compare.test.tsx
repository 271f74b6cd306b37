import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen } from '@testing-library/react';
import { makeWav, toBase64 } from '@/test/wav';
import { AudioCompare } from '@/features/compare/components/panels/audio-compare';
import { renderPanel, testSettings } from '@/features/compare/components/panels/test-props';

const silence = (seconds: number) =>
  toBase64(makeWav({ sampleRate: 8000, frames: Math.round(8000 * seconds), sample: () => 0 }));

// jsdom has no media pipeline: play/pause only flip `paused`, which jsdom otherwise keeps true.
let playing = false;
const play = vi.fn(() => {
  playing = true;
  return Promise.resolve();
});
beforeEach(() => {
  playing = false;
  play.mockClear();
  vi.spyOn(HTMLMediaElement.prototype, 'play').mockImplementation(play);
  vi.spyOn(HTMLMediaElement.prototype, 'pause').mockImplementation(() => void (playing = false));
  vi.spyOn(HTMLMediaElement.prototype, 'paused', 'get').mockImplementation(() => !playing);
});

/** What a browser does once a new source's metadata is in: it knows the duration, from 0. */
function loaded(player: HTMLElement, duration: number) {
  (player as HTMLAudioElement).currentTime = 0;
  Object.defineProperty(player, 'duration', { configurable: true, value: duration });
  fireEvent.loadedMetadata(player);
}

function renderAudio() {
  return renderPanel(
    <AudioCompare
      dataA={{ audio: { base64: silence(1.8) } }}
      dataB={{ audio: { base64: silence(2.5) } }}
      media={undefined}
      name="tts"
      settings={testSettings()}
    />,
  );
}

describe('AudioCompare', () => {
  it('switches one player from A to B at the same position, still playing', async () => {
    const { user } = renderAudio();
    const player = screen.getByLabelText('Audio of version A');
    const srcA = player.getAttribute('src');
    expect(screen.getByRole('button', { name: 'Play A' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByText('1.8 s')).toBeInTheDocument();
    expect(screen.getByText('2.5 s')).toBeInTheDocument();

    loaded(player, 1.8);
    await (player as HTMLAudioElement).play();
    (player as HTMLAudioElement).currentTime = 1.2;
    play.mockClear();

    await user.click(screen.getByRole('button', { name: 'Play B' }));
    expect(screen.getByRole('button', { name: 'Play B' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByLabelText('Audio of version B')).toBe(player);
    expect(player.getAttribute('src')).not.toBe(srcA);

    loaded(player, 2.5);
    expect((player as HTMLAudioElement).currentTime).toBe(1.2);
    expect(play).toHaveBeenCalledTimes(1);
  });

  it('stays paused when switching a paused player, and clamps to the shorter side', async () => {
    const { user } = renderAudio();
    await user.click(screen.getByRole('button', { name: 'Play B' }));
    const player = screen.getByLabelText('Audio of version B') as HTMLAudioElement;
    loaded(player, 2.5);
    player.currentTime = 2.2;

    await user.click(screen.getByRole('button', { name: 'Play A' }));
    loaded(player, 1.8);
    expect(player.currentTime).toBe(1.8);
    expect(play).not.toHaveBeenCalled();
  });

  it('switches between identical audio without waiting for a reload', async () => {
    const same = { audio: { base64: silence(1) } };
    const { user } = renderPanel(
      <AudioCompare dataA={same} dataB={same} media={undefined} name="tts" settings={testSettings()} />,
    );
    await user.click(screen.getByRole('button', { name: 'Play B' }));
    expect(screen.getByRole('button', { name: 'Play B' })).toHaveAttribute('aria-pressed', 'true');
    const player = screen.getByLabelText('Audio of version B') as HTMLAudioElement;
    player.currentTime = 0.4;
    // A later load (say, the browser reloading) seeks nowhere: no resume was pending.
    Object.defineProperty(player, 'duration', { configurable: true, value: 1 });
    fireEvent.loadedMetadata(player);
    expect(player.currentTime).toBe(0.4);
  });

  it('plays the one side that has audio', () => {
    renderPanel(
      <AudioCompare
        dataA={undefined}
        dataB={{ audio: { base64: silence(1) } }}
        media={undefined}
        name="tts"
        settings={testSettings()}
      />,
    );
    expect(screen.getByLabelText('Audio of version B')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Play A' })).toBeDisabled();
    expect(screen.getByText('no audio')).toBeInTheDocument();
  });
});
