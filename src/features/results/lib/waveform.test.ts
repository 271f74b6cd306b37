import { describe, expect, it } from 'vitest';
import { waveformCommands } from '@/features/results/lib/waveform';
import { formatAudioDuration, audioMime, base64Bytes } from '@/features/results/lib/audio-source';

describe('waveformCommands', () => {
  it('draws the silence line, then one bar per column from its lowest to its highest sample', () => {
    const commands = waveformCommands(
      [
        { min: -1, max: 1 },
        { min: 0, max: 0.5 },
        { min: 0, max: 0 },
      ],
      { width: 30, height: 100 },
      '#000',
    );
    expect(commands[0]).toMatchObject({ op: 'fillRect', x: 0, y: 50, width: 30, height: 1 });
    expect(commands.slice(1)).toEqual([
      { op: 'fillRect', x: 0, y: 0, width: 10, height: 100, color: '#000', alpha: 1 },
      { op: 'fillRect', x: 10, y: 25, width: 10, height: 25, color: '#000', alpha: 1 },
      // Silence still shows as a hairline.
      { op: 'fillRect', x: 20, y: 50, width: 10, height: 1, color: '#000', alpha: 1 },
    ]);
    expect(waveformCommands([], { width: 30, height: 100 }, '#000')).toEqual([]);
  });
});

describe('audio sources', () => {
  it('formats durations as seconds, then minutes', () => {
    expect(formatAudioDuration(1.84)).toBe('1.8 s');
    expect(formatAudioDuration(0)).toBe('0.0 s');
    expect(formatAudioDuration(83.2)).toBe('1 min 23 s');
    expect(formatAudioDuration(Number.NaN)).toBe('');
  });

  it('tells the type from audio_info, else from the first bytes', () => {
    expect(audioMime({ base64: 'AAAA', audio_info: { audio_format: 'MP3' } })).toBe('audio/mpeg');
    expect(audioMime({ base64: 'UklGRiQAAABXQVZF' })).toBe('audio/wav');
    expect(audioMime({ base64: 'T2dnUwACAAAA' })).toBe('audio/ogg');
    expect(audioMime({ base64: 'GkXfo59ChoEB' })).toBe('audio/webm');
  });

  it('decodes base64, and refuses what is not', () => {
    expect(Array.from(base64Bytes('AQID') ?? [])).toEqual([1, 2, 3]);
    expect(base64Bytes('***')).toBeUndefined();
  });
});
