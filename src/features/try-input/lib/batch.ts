/**
 * From what a person dropped, picked or typed to the inputs of one request, or the reason it
 * cannot be sent, said before anything is read or sent: too many inputs (API.md: 1 to 32), a
 * file that is no image, video or audio, more than one video, or too many bytes.
 */
import { mediaKindFromMime, type MediaKind } from '@/lib/media';
import {
  formatMegabytes,
  MAX_INPUTS,
  REQUEST_BYTES,
  sizeProblem,
  TEXT_BYTES,
} from '@/features/try-input/lib/limits';
import type { InputSpec } from '@/features/try-input/lib/inputs';

export type BatchPlan = { ok: true; inputs: InputSpec[] } | { ok: false; message: string };

/** Which tab the files came from: the audio tab sends everything it takes as audio. */
export type FileMode = 'media' | 'audio';

/** What the audio tab takes; a `.webm` or `.ogg` from disk often says `video/…` or nothing. */
export const AUDIO_EXTENSIONS = ['wav', 'mp3', 'ogg', 'oga', 'opus', 'flac', 'webm', 'm4a', 'aac'];

/** react-dropzone's `accept` for the audio tab (and the file picker's filter). */
export const AUDIO_ACCEPT: Record<string, string[]> = {
  'audio/*': AUDIO_EXTENSIONS.map((extension) => `.${extension}`),
  'video/webm': ['.webm'],
  'video/ogg': ['.ogg'],
  'application/ogg': ['.ogg'],
};

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** The kind a file is sent as, or `undefined` when this tab cannot send it. */
export function fileKind(file: Pick<File, 'name' | 'type'>, mode: FileMode): MediaKind | undefined {
  const byMime = mediaKindFromMime(file.type);
  const audioExtension = AUDIO_EXTENSIONS.includes(extensionOf(file.name));
  if (mode === 'audio') {
    if (byMime === 'audio') return 'audio';
    // A recording saved as .webm/.ogg is audio here even when the system calls it a video.
    const container = file.type === '' || file.type === 'application/ogg' || byMime === 'video';
    return audioExtension && container ? 'audio' : undefined;
  }
  if (byMime) return byMime;
  return file.type === '' && audioExtension ? 'audio' : undefined;
}

function quoted(names: readonly string[]): string {
  const shown = names.slice(0, 3).map((name) => `“${name}”`);
  const more = names.length > 3 ? ` and ${names.length - 3} more` : '';
  return `${shown.join(', ')}${more}`;
}

export function tooMany(count: number, what = 'files'): string {
  return `${count} ${what}: a request takes at most ${MAX_INPUTS} inputs; pick fewer.`;
}

/**
 * One input per file, in the order given. `caption` (the image tab's) goes with every image: an
 * image and a text in one data is what a multimodal workflow reads.
 */
export function planFiles(
  files: readonly File[],
  { mode, caption = '' }: { mode: FileMode; caption?: string },
): BatchPlan {
  if (files.length === 0) return { ok: false, message: 'No file was given.' };
  if (files.length > MAX_INPUTS) return { ok: false, message: tooMany(files.length) };

  const kinds = files.map((file) => fileKind(file, mode));
  const refused = files.filter((_, i) => kinds[i] === undefined).map((file) => file.name);
  if (refused.length > 0) {
    const what =
      mode === 'audio' ? 'an audio file (WAV, MP3, OGG, FLAC or WEBM)' : 'an image, video or audio file';
    const whats =
      mode === 'audio' ? 'audio files (WAV, MP3, OGG, FLAC or WEBM)' : 'image, video or audio files';
    return {
      ok: false,
      message:
        refused.length === 1
          ? `${quoted(refused)} is not ${what}.${files.length > 1 ? ' Leave it out and try again.' : ''}`
          : `${quoted(refused)} are not ${whats}. Leave them out and try again.`,
    };
  }

  const videos = files.filter((_, i) => kinds[i] === 'video');
  if (videos.length > 0 && files.length > 1) {
    return {
      ok: false,
      message:
        videos.length > 1
          ? `${videos.length} videos: a request takes one video; run them one at a time.`
          : `A video runs on its own: run ${quoted(videos.map((file) => file.name))} by itself, then the rest.`,
    };
  }

  for (const [i, file] of files.entries()) {
    const kind = kinds[i];
    const problem = kind && sizeProblem(kind, file.size);
    if (problem) return { ok: false, message: files.length > 1 ? `“${file.name}”: ${problem}` : problem };
  }
  const total = files.reduce((sum, file) => sum + file.size, 0);
  if (total > REQUEST_BYTES) {
    return {
      ok: false,
      message: `The files add up to ${formatMegabytes(total)}: a request takes at most ${formatMegabytes(REQUEST_BYTES)}; pick fewer or smaller files.`,
    };
  }

  const trimmedCaption = caption.trim();
  return {
    ok: true,
    inputs: files.map((file, i) => {
      const kind = kinds[i] ?? 'image';
      return kind === 'image' && trimmedCaption
        ? { type: 'file', kind, file, caption: trimmedCaption }
        : { type: 'file', kind, file };
    }),
  };
}

/** A text input, or one per non-empty line. */
export function planTexts(text: string, { perLine }: { perLine: boolean }): BatchPlan {
  const pieces = perLine
    ? text
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line !== '')
    : text.trim() === ''
      ? []
      : [text];
  if (pieces.length === 0) return { ok: false, message: 'Type or paste a text first.' };
  if (pieces.length > MAX_INPUTS) return { ok: false, message: tooMany(pieces.length, 'lines') };
  const bytes = pieces.reduce((sum, piece) => sum + new TextEncoder().encode(piece).length, 0);
  if (bytes > TEXT_BYTES) {
    return { ok: false, message: `Text over 20 MB (${formatMegabytes(bytes)}): shorten it or give a URL.` };
  }
  return { ok: true, inputs: pieces.map((raw) => ({ type: 'text', raw })) };
}
