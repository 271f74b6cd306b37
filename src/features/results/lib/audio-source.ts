/** Turning an `audio` field into something an <audio> can play and a waveform can read. */
import type { Data } from '@contract/clarifai';

type Audio = NonNullable<Data['audio']>;

const MIME_BY_FORMAT: Record<string, string> = {
  wav: 'audio/wav',
  wave: 'audio/wav',
  mp3: 'audio/mpeg',
  mpeg: 'audio/mpeg',
  ogg: 'audio/ogg',
  opus: 'audio/ogg',
  flac: 'audio/flac',
  webm: 'audio/webm',
  m4a: 'audio/mp4',
  aac: 'audio/aac',
};

const EXTENSION_BY_MIME: Record<string, string> = {
  'audio/wav': 'wav',
  'audio/mpeg': 'mp3',
  'audio/ogg': 'ogg',
  'audio/flac': 'flac',
  'audio/webm': 'webm',
  'audio/mp4': 'm4a',
  'audio/aac': 'aac',
};

/** From `audio_info.audio_format`, else from the first bytes; WAV (what API.md says TTS gives) by default. */
export function audioMime(audio: Audio): string {
  const format = audio.audio_info?.audio_format?.toLowerCase();
  if (format && MIME_BY_FORMAT[format]) return MIME_BY_FORMAT[format];
  const b64 = audio.base64 ?? '';
  if (b64.startsWith('UklGR')) return 'audio/wav';
  if (b64.startsWith('SUQz') || b64.startsWith('//')) return 'audio/mpeg';
  if (b64.startsWith('T2dnUw')) return 'audio/ogg';
  if (b64.startsWith('ZkxhQw')) return 'audio/flac';
  if (b64.startsWith('GkXf')) return 'audio/webm';
  return 'audio/wav';
}

export function audioExtension(mime: string): string {
  return EXTENSION_BY_MIME[mime] ?? 'wav';
}

export function audioSrc(audio: Audio): string | undefined {
  if (audio.base64) return `data:${audioMime(audio)};base64,${audio.base64}`;
  return audio.url || undefined;
}

/** Standard base64 to bytes; `undefined` when it is not base64. */
export function base64Bytes(base64: string): Uint8Array | undefined {
  try {
    const binary = atob(base64.replace(/\s+/g, ''));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return undefined;
  }
}

/** 1.84 → "1.8 s"; 83.2 → "1 min 23 s". */
export function formatAudioDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '';
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)} min ${whole % 60} s`;
}
