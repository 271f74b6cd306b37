import type { Data, Status } from '../../contract/clarifai';

/** An image that sharp could read: the original bytes plus what its header says. */
export interface DecodedImage {
  readonly bytes: Buffer;
  /** sharp's name for the format: jpeg, png, webp, gif, tiff. */
  readonly format: string;
  /** Size as displayed, i.e. after EXIF orientation, which is what bounding boxes refer to. */
  readonly width: number;
  readonly height: number;
  /** EXIF orientation 1..8 (1 = as stored). */
  readonly orientation: number;
}

/**
 * A video is not read up front: by URL it may be 300 MB and is streamed through ffmpeg by the
 * code that needs it.
 */
export type MediaSource =
  | { readonly kind: 'bytes'; readonly bytes: Buffer }
  | { readonly kind: 'url'; readonly url: URL }
  /** Uploaded bytes already decoded to a file while the body was read (owned by the request). */
  | { readonly kind: 'file'; readonly path: string };

/** A video's base64 decoded to a file while the request body was read (`http/spool-body.ts`). */
export interface SpooledVideo {
  readonly path: string;
  /** Bytes the base64 stands for (counted to the end even past the limit, for the message). */
  readonly size: number;
  /** Non-whitespace characters seen: 0 means the string held only whitespace. */
  readonly characters: number;
  /** False when a character is outside the base64 alphabet or padding is misplaced. */
  readonly valid: boolean;
}

/** A workflow input ready for runners. */
export interface PreparedInput {
  readonly id: string;
  /** The input as the client sent it. */
  readonly data: Data;
  readonly image?: DecodedImage;
  readonly text?: string;
  readonly video?: MediaSource;
  /** Audio bytes as sent or downloaded (under `limits.audioBytes`), not yet decoded. */
  readonly audio?: Buffer;
}

export type InputPreparation =
  | { readonly ok: true; readonly input: PreparedInput; readonly echo: Data }
  | { readonly ok: false; readonly id: string; readonly echo: Data; readonly status: Status };
