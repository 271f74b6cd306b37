/** The input a person gave, as the page can show it (the API echoes bytes only as a marker). */
export type MediaKind = 'image' | 'video' | 'audio';

export interface InputMedia {
  kind: MediaKind;
  /** An object URL for a local file, or the URL the person typed. */
  url: string;
  /** The file name, when it came from a file. */
  name?: string;
}

export function mediaKindFromMime(mime: string): MediaKind | undefined {
  if (mime.startsWith('image/')) return 'image';
  if (mime.startsWith('video/')) return 'video';
  if (mime.startsWith('audio/')) return 'audio';
  return undefined;
}

const VIDEO_EXTENSIONS = ['mp4', 'mov', 'webm', 'mkv', 'avi', 'm4v', 'mpeg', 'mpg', 'ogv'];
const AUDIO_EXTENSIONS = ['mp3', 'wav', 'flac', 'ogg', 'oga', 'm4a', 'aac', 'opus'];

/** Guesses from the path's extension; anything unrecognised is sent as an image, like Clarifai's modal. */
export function mediaKindFromUrl(url: string): MediaKind {
  let pathname = url;
  try {
    pathname = new URL(url).pathname;
  } catch {
    // Not absolute: read the extension off the raw string.
  }
  const extension = pathname.split('.').pop()?.toLowerCase() ?? '';
  if (VIDEO_EXTENSIONS.includes(extension)) return 'video';
  if (AUDIO_EXTENSIONS.includes(extension)) return 'audio';
  return 'image';
}
