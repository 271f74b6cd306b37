import { describe, expect, it } from 'vitest';
import { readWavInfo } from './wav';

function wav(
  sampleRate: number,
  channels: number,
  bits: number,
  samples: number,
  extraChunk = false,
): Buffer {
  const data = Buffer.alloc(samples * channels * (bits / 8));
  const fmt = Buffer.alloc(24);
  fmt.write('fmt ', 0, 'ascii');
  fmt.writeUInt32LE(16, 4);
  fmt.writeUInt16LE(1, 8);
  fmt.writeUInt16LE(channels, 10);
  fmt.writeUInt32LE(sampleRate, 12);
  fmt.writeUInt32LE(sampleRate * channels * (bits / 8), 16);
  fmt.writeUInt16LE(channels * (bits / 8), 20);
  fmt.writeUInt16LE(bits, 22);
  // An odd-sized chunk between fmt and data, padded to an even length, as RIFF requires.
  const list = extraChunk
    ? Buffer.concat([Buffer.from('LIST'), Buffer.from([3, 0, 0, 0]), Buffer.from('abc\0')])
    : Buffer.alloc(0);
  const dataHeader = Buffer.alloc(8);
  dataHeader.write('data', 0, 'ascii');
  dataHeader.writeUInt32LE(data.length, 4);
  const body = Buffer.concat([Buffer.from('WAVE'), fmt, list, dataHeader, data]);
  const riff = Buffer.alloc(8);
  riff.write('RIFF', 0, 'ascii');
  riff.writeUInt32LE(body.length, 4);
  return Buffer.concat([riff, body]);
}

describe('readWavInfo', () => {
  it('reads rate, channels and duration, past other chunks', () => {
    expect(readWavInfo(wav(16000, 1, 16, 32000))).toMatchObject({
      sampleRate: 16000,
      channels: 1,
      bitsPerSample: 16,
      durationSeconds: 2,
    });
    expect(readWavInfo(wav(8000, 2, 16, 4000, true))).toMatchObject({
      sampleRate: 8000,
      channels: 2,
      durationSeconds: 0.5,
    });
  });

  it('counts only the sound that is there when the header claims more', () => {
    const cut = wav(16000, 1, 16, 16000).subarray(0, 44 + 16000);
    expect(readWavInfo(cut).durationSeconds).toBe(0.5);
  });

  it('refuses what is not a WAV file', () => {
    expect(() => readWavInfo(Buffer.from('ID3 not a wav at all'))).toThrow(/not a WAV file/);
    expect(() => readWavInfo(wav(16000, 1, 16, 10).subarray(0, 36))).toThrow(/without a data chunk/);
  });
});
