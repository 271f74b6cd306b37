/**
 * Builds small WAV files in memory for tests: a header, optional extra chunks, and samples from a
 * function of (frame, channel) in -1..1, written as 8/16/24/32-bit PCM or 32-bit float.
 */
export interface WavSpec {
  sampleRate: number;
  channels?: number;
  bits?: 8 | 16 | 24 | 32;
  float?: boolean;
  frames: number;
  sample?: (frame: number, channel: number) => number;
  /** Write WAVE_FORMAT_EXTENSIBLE (0xFFFE) with the real format in the sub-format GUID. */
  extensible?: boolean;
  /** A chunk before `fmt ` / `data` that a reader must skip (odd sizes are padded). */
  extraChunk?: { id: string; bytes: number };
  /** What the data chunk claims as its size; a streamed WAV says 0xFFFFFFFF. */
  dataSizeField?: number;
}

export function makeWav(spec: WavSpec): Uint8Array {
  const channels = spec.channels ?? 1;
  const bits = spec.bits ?? 16;
  const width = bits / 8;
  const dataBytes = spec.frames * channels * width;
  const fmtBytes = spec.extensible ? 40 : 16;
  const extra = spec.extraChunk ? 8 + spec.extraChunk.bytes + (spec.extraChunk.bytes % 2) : 0;
  const total = 12 + extra + 8 + fmtBytes + 8 + dataBytes;
  const bytes = new Uint8Array(total);
  const view = new DataView(bytes.buffer);
  const ascii = (offset: number, text: string) => {
    for (let i = 0; i < 4; i += 1) view.setUint8(offset + i, text.charCodeAt(i));
  };
  ascii(0, 'RIFF');
  view.setUint32(4, total - 8, true);
  ascii(8, 'WAVE');
  let offset = 12;
  if (spec.extraChunk) {
    ascii(offset, spec.extraChunk.id);
    view.setUint32(offset + 4, spec.extraChunk.bytes, true);
    offset += extra;
  }
  const format = spec.float ? 3 : 1;
  ascii(offset, 'fmt ');
  view.setUint32(offset + 4, fmtBytes, true);
  view.setUint16(offset + 8, spec.extensible ? 0xfffe : format, true);
  view.setUint16(offset + 10, channels, true);
  view.setUint32(offset + 12, spec.sampleRate, true);
  view.setUint32(offset + 16, spec.sampleRate * channels * width, true);
  view.setUint16(offset + 20, channels * width, true);
  view.setUint16(offset + 22, bits, true);
  if (spec.extensible) {
    view.setUint16(offset + 24, 22, true);
    view.setUint16(offset + 26, bits, true);
    view.setUint16(offset + 32, format, true);
  }
  offset += 8 + fmtBytes;
  ascii(offset, 'data');
  view.setUint32(offset + 4, spec.dataSizeField ?? dataBytes, true);
  offset += 8;
  const sample = spec.sample ?? (() => 0);
  for (let frame = 0; frame < spec.frames; frame += 1) {
    for (let channel = 0; channel < channels; channel += 1) {
      const value = Math.max(-1, Math.min(1, sample(frame, channel)));
      if (spec.float) view.setFloat32(offset, value, true);
      else if (bits === 8) view.setUint8(offset, Math.round(value * 127) + 128);
      else if (bits === 16) view.setInt16(offset, Math.round(value * 32767), true);
      else if (bits === 24) {
        const int = Math.round(value * 8388607);
        view.setUint8(offset, int & 0xff);
        view.setUint8(offset + 1, (int >> 8) & 0xff);
        view.setInt8(offset + 2, int >> 16);
      } else view.setInt32(offset, Math.round(value * 2147483647), true);
      offset += width;
    }
  }
  return bytes;
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}
