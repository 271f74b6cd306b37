/**
 * What a WAV file's header says: format, channels, sample rate, and the duration its data chunk
 * holds. Enough to describe flite's output in `audio_info` and to check it in tests; not a
 * general RIFF reader (no compressed formats).
 */
export interface WavInfo {
  /** 1 = integer PCM, 3 = float, 0xfffe = extensible. */
  readonly format: number;
  readonly channels: number;
  readonly sampleRate: number;
  readonly bitsPerSample: number;
  /** Bytes of sound in the data chunk. */
  readonly dataBytes: number;
  readonly durationSeconds: number;
}

export function readWavInfo(bytes: Buffer): WavInfo {
  if (
    bytes.length < 12 ||
    bytes.toString('ascii', 0, 4) !== 'RIFF' ||
    bytes.toString('ascii', 8, 12) !== 'WAVE'
  ) {
    throw new Error('not a WAV file (no RIFF/WAVE header)');
  }
  let fmt: Omit<WavInfo, 'dataBytes' | 'durationSeconds'> | undefined;
  for (let at = 12; at + 8 <= bytes.length;) {
    const id = bytes.toString('ascii', at, at + 4);
    const size = bytes.readUInt32LE(at + 4);
    const body = at + 8;
    if (id === 'fmt ' && body + 16 <= bytes.length) {
      fmt = {
        format: bytes.readUInt16LE(body),
        channels: bytes.readUInt16LE(body + 2),
        sampleRate: bytes.readUInt32LE(body + 4),
        bitsPerSample: bytes.readUInt16LE(body + 14),
      };
    } else if (id === 'data') {
      if (!fmt) throw new Error('WAV data chunk before its format chunk');
      // A streamed WAV may declare a size larger than what follows; count what is there.
      const dataBytes = Math.min(size, bytes.length - body);
      const frameBytes = fmt.channels * Math.ceil(fmt.bitsPerSample / 8);
      if (frameBytes === 0 || fmt.sampleRate === 0)
        throw new Error('WAV format chunk with no channels or rate');
      return { ...fmt, dataBytes, durationSeconds: dataBytes / frameBytes / fmt.sampleRate };
    }
    at = body + size + (size % 2);
  }
  throw new Error('WAV file without a data chunk');
}
