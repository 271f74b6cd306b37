import { describe, expect, it } from 'vitest';
import { channelPeaks, parseWav, wavPeaks } from '@/features/results/lib/wav';
import { makeWav } from '@/test/wav';

function parsed(bytes: Uint8Array) {
  const result = parseWav(bytes);
  if (!result.ok) throw new Error(result.reason);
  return result.wav;
}

describe('parseWav', () => {
  it('reads a 16-bit mono header: rate, frames and duration', () => {
    const wav = parsed(makeWav({ sampleRate: 8000, frames: 14_400 }));
    expect(wav).toMatchObject({
      encoding: 'pcm',
      channels: 1,
      sampleRate: 8000,
      bitsPerSample: 16,
      frames: 14_400,
    });
    expect(wav.durationSeconds).toBeCloseTo(1.8);
    expect(wav.dataOffset).toBe(44);
  });

  it('skips other chunks, odd-sized ones padded, before the samples', () => {
    const wav = parsed(
      makeWav({ sampleRate: 16_000, channels: 2, frames: 16_000, extraChunk: { id: 'LIST', bytes: 27 } }),
    );
    expect(wav).toMatchObject({ channels: 2, frames: 16_000, dataOffset: 12 + 8 + 28 + 8 + 16 + 8 });
    expect(wav.durationSeconds).toBe(1);
  });

  it('reads the real format of a WAVE_FORMAT_EXTENSIBLE file', () => {
    expect(
      parsed(makeWav({ sampleRate: 48_000, bits: 32, float: true, extensible: true, frames: 480 })),
    ).toMatchObject({
      encoding: 'float',
      bitsPerSample: 32,
      frames: 480,
    });
  });

  it('takes the samples to the end of the file when the data size is unknown (a streamed WAV)', () => {
    expect(parsed(makeWav({ sampleRate: 8000, frames: 800, dataSizeField: 0xffffffff })).frames).toBe(800);
    expect(parsed(makeWav({ sampleRate: 8000, frames: 800, dataSizeField: 0 })).frames).toBe(800);
  });

  it('says why it cannot read a file', () => {
    expect(parseWav(new Uint8Array([1, 2, 3]))).toEqual({ ok: false, reason: 'not a RIFF/WAVE file' });
    const mp3ish = new TextEncoder().encode('ID3\u0003\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000');
    expect(parseWav(mp3ish).ok).toBe(false);
    const truncated = makeWav({ sampleRate: 8000, frames: 10 }).slice(0, 40);
    expect(parseWav(truncated)).toEqual({ ok: false, reason: 'no data chunk' });
    const alaw = makeWav({ sampleRate: 8000, frames: 10 });
    new DataView(alaw.buffer).setUint16(20, 6, true);
    expect(parseWav(alaw)).toEqual({ ok: false, reason: 'format 6 is not PCM or float' });
  });
});

describe('wavPeaks', () => {
  it('gives one min/max per column, from the samples under it', () => {
    // Silence, then a full-scale square wave, then half-scale: three columns.
    const bytes = makeWav({
      sampleRate: 8000,
      frames: 300,
      sample: (frame) => (frame < 100 ? 0 : frame < 200 ? (frame % 2 ? 1 : -1) : frame % 2 ? 0.5 : -0.5),
    });
    const peaks = wavPeaks(bytes, parsed(bytes), 3);
    expect(peaks).toHaveLength(3);
    expect(peaks[0]).toEqual({ min: 0, max: 0 });
    expect(peaks[1]?.max).toBeCloseTo(1, 3);
    expect(peaks[1]?.min).toBeCloseTo(-1, 3);
    expect(peaks[2]?.max).toBeCloseTo(0.5, 3);
    expect(peaks[2]?.min).toBeCloseTo(-0.5, 3);
  });

  it('reads 8, 24 and 32-bit PCM and 32-bit float alike, over all channels', () => {
    for (const spec of [{ bits: 8 }, { bits: 24 }, { bits: 32 }, { bits: 32, float: true }] as const) {
      const bytes = makeWav({
        sampleRate: 8000,
        channels: 2,
        frames: 40,
        ...spec,
        // Left quiet, right loud: a column's peak covers both channels.
        sample: (frame, channel) => (channel === 0 ? 0.1 : frame % 2 ? 0.8 : -0.6),
      });
      const [peak] = wavPeaks(bytes, parsed(bytes), 1);
      expect(peak?.max, JSON.stringify(spec)).toBeCloseTo(0.8, 1);
      expect(peak?.min, JSON.stringify(spec)).toBeCloseTo(-0.6, 1);
    }
  });

  it('stretches a short sound over many columns rather than leaving them empty', () => {
    const bytes = makeWav({ sampleRate: 8000, frames: 4, sample: () => 0.5 });
    const peaks = wavPeaks(bytes, parsed(bytes), 10);
    expect(peaks).toHaveLength(10);
    for (const peak of peaks) expect(peak.max).toBeCloseTo(0.5, 3);
  });
});

describe('channelPeaks', () => {
  it('does the same for decoded channels', () => {
    const left = Float32Array.from([0, 0.2, -0.1, 0.9]);
    const right = Float32Array.from([0, -0.7, 0, 0]);
    expect(channelPeaks([left, right], 2)).toEqual([
      { min: Math.fround(-0.7), max: Math.fround(0.2) },
      { min: Math.fround(-0.1), max: Math.fround(0.9) },
    ]);
    expect(channelPeaks([], 3)).toEqual([
      { min: 0, max: 0 },
      { min: 0, max: 0 },
      { min: 0, max: 0 },
    ]);
  });
});
