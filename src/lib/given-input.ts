import type { InputMedia } from '@/lib/media';

/**
 * What a person gave for one input, kept by the page: the API echoes uploaded bytes only as a
 * marker, so the results show the person's own file (an object URL) instead.
 */
export interface GivenInput {
  /** The image, video or audio, as a file's object URL or the URL typed. */
  media?: InputMedia;
  /** The words given: a text input's, or the caption sent with an image. */
  text?: string;
}
