const MB = 1024 * 1024;

/** Uploaded video bytes, decoded (API.md: "as bytes under 128 MB"). */
const MEDIA_BYTES = 128 * MB;

/** Clarifai's documented input limits (API.md), enforced per input. */
export const MEDIA_LIMITS = {
  imageBytes: 20 * MB,
  imagePixels: 85_000_000,
  /** Text, raw or by URL, as UTF-8 (the same 20 MB as an image). */
  textBytes: 20 * MB,
  /** Audio, as bytes or by URL: read whole into memory, then converted with ffmpeg. */
  audioBytes: 20 * MB,
  mediaBytes: MEDIA_BYTES,
  /** A video by URL: downloaded to a temporary file, stopped as soon as it passes this. */
  videoUrlBytes: 300 * MB,
  /** Any video, by URL or bytes (API.md: "up to 300 MB or 10 minutes"). */
  videoDurationMs: 10 * 60_000,
  /**
   * The JSON request body. Clarifai's 128 MB counts media bytes; in JSON they travel as base64,
   * 4/3 as long, so the cap on the body is 128 MB of base64 plus 1 MB for the rest of the JSON.
   * A video of 128 MB + 1 byte therefore passes this cap and is refused on its own (30105, with
   * its size); only a body too big even for that answers 11100 (see engine/README.md).
   */
  requestBytes: base64Length(MEDIA_BYTES) + MB,
} as const;

export type MediaLimits = { readonly [K in keyof typeof MEDIA_LIMITS]: number };

/** Length of the padded base64 text for `bytes` bytes. */
export function base64Length(bytes: number): number {
  return Math.ceil(bytes / 3) * 4;
}

/** Formats sharp decodes. BMP, which sharp cannot read, is decoded by `bmp.ts` and passed on as PNG. */
export const IMAGE_FORMATS: ReadonlySet<string> = new Set(['jpeg', 'png', 'webp', 'gif', 'tiff']);
