import { describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import type { Data } from '@contract/clarifai';
import type { PredictResponse } from '@/lib/predict-response';
import { ResultsPane } from '@/features/results/components/results-pane';
import { renderWithClient } from '@/test/render';
import { makeWav, toBase64 } from '@/test/wav';

const OK = { code: 10000, description: 'Ok' };

function speech(audio: NonNullable<Data['audio']>): PredictResponse {
  return {
    status: OK,
    results: [
      {
        status: OK,
        input: { id: 'in', data: { text: { raw: 'Hello there' } } },
        outputs: [{ status: OK, model: { id: 'text-to-speech-flite' }, data: { audio } }],
      },
    ],
  };
}

/** A 2D context that records what is drawn on it. */
function recordingContext() {
  const calls: string[] = [];
  const record = (name: string) => () => void calls.push(name);
  const context = {
    save: record('save'),
    restore: record('restore'),
    clearRect: record('clearRect'),
    fillRect: record('fillRect'),
    globalAlpha: 1,
    fillStyle: '',
  };
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(
    context as unknown as CanvasRenderingContext2D,
  );
  return calls;
}

describe('audio outputs', () => {
  it('shows a player, the duration read from the WAV itself, the waveform and a download', async () => {
    const calls = recordingContext();
    // 1.8 s of a 440 Hz tone at 8 kHz, with no audio_info: the duration comes from the header.
    const wav = makeWav({
      sampleRate: 8000,
      frames: 14_400,
      sample: (frame) => 0.6 * Math.sin((2 * Math.PI * 440 * frame) / 8000),
    });
    renderWithClient(<ResultsPane response={speech({ base64: toBase64(wav) })} />);

    const player = await screen.findByLabelText('Output audio');
    expect(player.tagName).toBe('AUDIO');
    expect(player).toHaveAttribute('controls');
    expect(player.getAttribute('src')).toMatch(/^data:audio\/wav;base64,UklGR/);
    expect(screen.getByText('1.8 s')).toBeInTheDocument();
    expect(screen.getByText('8 kHz')).toBeInTheDocument();

    const download = screen.getByRole('link', { name: 'Download audio' });
    expect(download).toHaveAttribute('download', 'text-to-speech-flite.wav');
    expect(download.getAttribute('href')).toBe(player.getAttribute('src'));

    const waveform = screen.getByRole('img', { name: 'Audio waveform' });
    expect(waveform).toHaveAttribute('data-rendered', 'true');
    // One bar per pixel column (480 at the nominal width jsdom gets), plus the silence line.
    expect(calls.filter((c) => c === 'fillRect')).toHaveLength(481);
  });

  it('falls back to audio_info for the duration of a format it does not read', async () => {
    renderWithClient(
      <ResultsPane
        response={speech({
          base64: 'SUQzBAAAAAAAI1RTU0UAAAAPAAADTGF2ZjU4',
          audio_info: { audio_format: 'MP3', duration_seconds: 83.4 },
        })}
      />,
    );
    expect((await screen.findByLabelText('Output audio')).getAttribute('src')).toMatch(/^data:audio\/mpeg;base64,/);
    expect(screen.getByText('1 min 23 s')).toBeInTheDocument();
    expect(screen.queryByRole('img', { name: 'Audio waveform' })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Download audio' })).toHaveAttribute(
      'download',
      'text-to-speech-flite.mp3',
    );
  });
});
