/** Clarifai's documented input limits (API.md), enforced per input. */
export const MEDIA_LIMITS = {
  imageBytes: 20 * 1024 * 1024,
  imagePixels: 85_000_000,
  /** Clarifai documents no text limit; 1 MB is far beyond anything a text model here can use. */
  textBytes: 1024 * 1024,
  mediaBytes: 128 * 1024 * 1024,
  videoUrlBytes: 300 * 1024 * 1024,
  requestBytes: 128 * 1024 * 1024,
} as const;

export type MediaLimits = { readonly [K in keyof typeof MEDIA_LIMITS]: number };

/** Formats sharp decodes. BMP, which sharp cannot read, is decoded by `bmp.ts` and passed on as PNG. */
export const IMAGE_FORMATS: ReadonlySet<string> = new Set(['jpeg', 'png', 'webp', 'gif', 'tiff']);
