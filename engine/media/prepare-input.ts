/**
 * Turns one request input into something runners can use: bytes decoded or downloaded, images
 * probed, text read. A failure here fails only this input, with the status the client should see.
 */
import { BYTES_MARKER, describeStatus, StatusCode } from '../../contract/clarifai';
import type { Data, Input } from '../../contract/clarifai';
import { newId } from '../ids';
import { decodeBase64, formatBytes } from './base64';
import { fetchUrlBytes, parseMediaUrl, type FetchOptions } from './fetch-url';
import { probeImage } from './image';
import type { MediaLimits } from './limits';
import { MediaError } from './media-error';
import type { DecodedImage, InputPreparation, PreparedInput, SpooledVideo } from './types';
import { readSpooledVideo, readVideoSource } from './video-input';

export interface MediaOptions {
  readonly fetch: typeof globalThis.fetch;
  readonly fetchTimeoutMs: number;
  readonly limits: MediaLimits;
  readonly checkUrl?: (url: URL) => Promise<void>;
}

export async function prepareInput(
  input: Input,
  options: MediaOptions,
  signal?: AbortSignal,
  /** This input's video, when its base64 was decoded to a file as the body was read. */
  spooledVideo?: SpooledVideo,
): Promise<InputPreparation> {
  const id = input.id ?? newId();
  const echo = echoData(input.data);
  try {
    const prepared = await decodeData(id, input.data, options, signal, spooledVideo);
    return { ok: true, input: prepared, echo };
  } catch (error) {
    if (!(error instanceof MediaError)) throw error;
    return {
      ok: false,
      id,
      echo,
      status: { code: error.code, description: describeStatus(error.code), details: error.message },
    };
  }
}

async function decodeData(
  id: string,
  data: Data,
  options: MediaOptions,
  signal?: AbortSignal,
  spooledVideo?: SpooledVideo,
): Promise<PreparedInput> {
  const { image, text, video, audio } = data;
  if (!image && !text && !video && !audio) {
    throw new MediaError(StatusCode.INPUT_INVALID_ARGUMENT, 'input data has no image, video, audio or text');
  }
  const fetchOptions = (maxBytes: number): FetchOptions => ({
    fetch: options.fetch,
    timeoutMs: options.fetchTimeoutMs,
    maxBytes,
    ...(signal ? { signal } : {}),
    ...(options.checkUrl ? { checkUrl: options.checkUrl } : {}),
  });

  // Text, image and audio are independent downloads; fetch them side by side.
  const [decodedImage, decodedText, audioBytes] = await Promise.all([
    image ? readImage(image, options, fetchOptions(options.limits.imageBytes)) : undefined,
    text ? readText(text, fetchOptions(options.limits.textBytes)) : undefined,
    audio ? readAudio(audio, fetchOptions(options.limits.audioBytes)) : undefined,
  ]);
  const videoSource = !video
    ? undefined
    : spooledVideo
      ? readSpooledVideo(spooledVideo, options.limits)
      : readVideoSource(video, options.limits);
  return {
    id,
    data,
    ...(decodedImage ? { image: decodedImage } : {}),
    ...(decodedText !== undefined ? { text: decodedText } : {}),
    ...(videoSource ? { video: videoSource } : {}),
    ...(audioBytes ? { audio: audioBytes } : {}),
  };
}

async function readImage(
  image: NonNullable<Data['image']>,
  options: MediaOptions,
  fetchOptions: FetchOptions,
): Promise<DecodedImage> {
  let bytes: Buffer;
  if (image.base64 !== undefined && image.base64 !== '') {
    bytes = decodeBase64(image.base64, options.limits.imageBytes, 'image.base64');
  } else if (image.url) {
    bytes = await fetchUrlBytes(parseMediaUrl(image.url), fetchOptions);
  } else {
    throw new MediaError(StatusCode.INPUT_INVALID_ARGUMENT, 'image needs a url or base64 bytes');
  }
  return probeImage(bytes, options.limits);
}

async function readText(text: NonNullable<Data['text']>, fetchOptions: FetchOptions): Promise<string> {
  if (text.raw !== undefined) {
    const size = Buffer.byteLength(text.raw, 'utf8');
    if (size > fetchOptions.maxBytes) {
      throw new MediaError(
        StatusCode.INPUT_OVER_LIMIT,
        `text.raw is ${formatBytes(size)}, over the limit of ${formatBytes(fetchOptions.maxBytes)}`,
      );
    }
    return text.raw;
  }
  if (!text.url) throw new MediaError(StatusCode.INPUT_INVALID_ARGUMENT, 'text needs raw text or a url');
  const bytes = await fetchUrlBytes(parseMediaUrl(text.url), fetchOptions);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    throw new MediaError(StatusCode.INPUT_DECODE_FAILED, `${text.url} is not UTF-8 text`, { cause: error });
  }
}

/** Audio stays as bytes here; the model that needs it converts it with ffmpeg. */
async function readAudio(audio: NonNullable<Data['audio']>, fetchOptions: FetchOptions): Promise<Buffer> {
  if (audio.base64 !== undefined && audio.base64 !== '') {
    return decodeBase64(audio.base64, fetchOptions.maxBytes, 'audio.base64');
  }
  if (audio.url) return fetchUrlBytes(parseMediaUrl(audio.url), fetchOptions);
  throw new MediaError(StatusCode.INPUT_INVALID_ARGUMENT, 'audio needs a url or base64 bytes');
}

/** The input as echoed in results: uploaded bytes are replaced by Clarifai's marker. */
export function echoData(data: Data): Data {
  const echo: Data = { ...data };
  if (data.image?.base64) echo.image = { ...data.image, base64: BYTES_MARKER };
  if (data.video?.base64) echo.video = { ...data.video, base64: BYTES_MARKER };
  if (data.audio?.base64) echo.audio = { ...data.audio, base64: BYTES_MARKER };
  return echo;
}
