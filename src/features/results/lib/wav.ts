/**
 * Reading a WAV file for its waveform, without the Web Audio API: the header (format, channels,
 * rate, where the samples are), then the loudest and quietest sample under each pixel column.
 * Pure functions of the bytes; other formats go through `decodeAudioData` and `channelPeaks`.
 */

export interface WavInfo {
  /** Integer PCM or IEEE float samples. */
  encoding: 'pcm' | 'float';
  channels: number;
  sampleRate: number;
  bitsPerSample: number;
  /** Where the samples start in the file, and how many bytes of them there really are. */
  dataOffset: number;
  dataBytes: number;
  /** Samples per channel. */
  frames: number;
  durationSeconds: number;
}

export type WavParse = { ok: true; wav: WavInfo } | { ok: false; reason: string };

const PCM = 1;
const FLOAT = 3;
const EXTENSIBLE = 0xfffe;

function fourCc(view: DataView, offset: number): string {
  return String.fromCharCode(
    view.getUint8(offset),
    view.getUint8(offset + 1),
    view.getUint8(offset + 2),
    view.getUint8(offset + 3),
  );
}

export function parseWav(bytes: Uint8Array): WavParse {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 12 || fourCc(view, 0) !== 'RIFF' || fourCc(view, 8) !== 'WAVE') {
    return { ok: false, reason: 'not a RIFF/WAVE file' };
  }
  let fmt: { format: number; channels: number; sampleRate: number; bitsPerSample: number } | undefined;
  let data: { offset: number; bytes: number } | undefined;
  let offset = 12;
  while (offset + 8 <= bytes.length && !(fmt && data)) {
    const id = fourCc(view, offset);
    const size = view.getUint32(offset + 4, true);
    const body = offset + 8;
    if (id === 'fmt ' && body + 16 <= bytes.length) {
      let format = view.getUint16(body, true);
      // WAVE_FORMAT_EXTENSIBLE names the real format in the first two bytes of its sub-format GUID.
      if (format === EXTENSIBLE && size >= 40 && body + 26 <= bytes.length)
        format = view.getUint16(body + 24, true);
      fmt = {
        format,
        channels: view.getUint16(body + 2, true),
        sampleRate: view.getUint32(body + 4, true),
        bitsPerSample: view.getUint16(body + 14, true),
      };
    } else if (id === 'data') {
      // A streamed WAV (ffmpeg to a pipe) says 0xFFFFFFFF or 0 here: the samples run to the end.
      const rest = bytes.length - body;
      data = { offset: body, bytes: size === 0 || size > rest ? rest : size };
    }
    // Chunks are padded to an even length.
    offset = body + size + (size % 2);
  }
  if (!fmt) return { ok: false, reason: 'no fmt chunk' };
  if (!data) return { ok: false, reason: 'no data chunk' };
  const { format, channels, sampleRate, bitsPerSample } = fmt;
  const encoding = format === PCM ? 'pcm' : format === FLOAT ? 'float' : undefined;
  if (!encoding) return { ok: false, reason: `format ${format} is not PCM or float` };
  const supported = encoding === 'pcm' ? [8, 16, 24, 32] : [32, 64];
  if (!supported.includes(bitsPerSample))
    return { ok: false, reason: `${bitsPerSample}-bit ${encoding} is not supported` };
  if (channels < 1 || sampleRate < 1) return { ok: false, reason: 'no channels or no sample rate' };
  const frames = Math.floor(data.bytes / ((bitsPerSample / 8) * channels));
  return {
    ok: true,
    wav: {
      encoding,
      channels,
      sampleRate,
      bitsPerSample,
      dataOffset: data.offset,
      dataBytes: data.bytes,
      frames,
      durationSeconds: frames / sampleRate,
    },
  };
}

/** The lowest and highest sample (-1..1, all channels) under one column of the waveform. */
export interface Peak {
  min: number;
  max: number;
}

/** Past this many frames per column, every n-th frame is read: the peaks barely change, the time does. */
const MAX_READS_PER_COLUMN = 4096;

function peaksOf(
  frames: number,
  channels: number,
  columns: number,
  sampleAt: (frame: number, channel: number) => number,
): Peak[] {
  const count = Math.max(0, Math.floor(columns));
  const peaks: Peak[] = [];
  if (frames === 0) return Array.from({ length: count }, () => ({ min: 0, max: 0 }));
  for (let column = 0; column < count; column += 1) {
    const start = Math.floor((column * frames) / count);
    // At least one frame per column, so a short sound stretched over a wide canvas still shows.
    const end = Math.max(start + 1, Math.floor(((column + 1) * frames) / count));
    const step = Math.max(1, Math.floor((end - start) / MAX_READS_PER_COLUMN));
    let min = 0;
    let max = 0;
    for (let frame = start; frame < Math.min(end, frames); frame += step) {
      for (let channel = 0; channel < channels; channel += 1) {
        const value = sampleAt(frame, channel);
        if (value < min) min = value;
        if (value > max) max = value;
      }
    }
    peaks.push({ min: Math.max(-1, min), max: Math.min(1, max) });
  }
  return peaks;
}

/** One peak per pixel column, read straight from the WAV's samples. */
export function wavPeaks(bytes: Uint8Array, wav: WavInfo, columns: number): Peak[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const width = wav.bitsPerSample / 8;
  const frameBytes = width * wav.channels;
  const read: (offset: number) => number =
    wav.encoding === 'float'
      ? wav.bitsPerSample === 32
        ? (o) => view.getFloat32(o, true)
        : (o) => view.getFloat64(o, true)
      : wav.bitsPerSample === 8
        ? (o) => (view.getUint8(o) - 128) / 128
        : wav.bitsPerSample === 16
          ? (o) => view.getInt16(o, true) / 32768
          : wav.bitsPerSample === 24
            ? (o) => {
                const value = view.getUint8(o) | (view.getUint8(o + 1) << 8) | (view.getInt8(o + 2) << 16);
                return value / 8388608;
              }
            : (o) => view.getInt32(o, true) / 2147483648;
  return peaksOf(wav.frames, wav.channels, columns, (frame, channel) =>
    read(wav.dataOffset + frame * frameBytes + channel * width),
  );
}

/** The same from decoded channels (Web Audio's `getChannelData`), for formats other than WAV. */
export function channelPeaks(channels: readonly Float32Array[], columns: number): Peak[] {
  const frames = channels[0]?.length ?? 0;
  return peaksOf(frames, channels.length, columns, (frame, channel) => channels[channel]?.[frame] ?? 0);
}
