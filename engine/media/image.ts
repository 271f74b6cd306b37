import sharp from 'sharp';
import type { Metadata } from 'sharp';
import { StatusCode } from '../../contract/clarifai';
import { formatBytes } from './base64';
import { decodeBmp, isBmp, readBmpHeader } from './bmp';
import { IMAGE_FORMATS, type MediaLimits } from './limits';
import { MediaError } from './media-error';
import { sniffMedia } from './sniff';
import type { DecodedImage } from './types';

/**
 * Reads the image header (cheap: no pixel decode) to refuse what no model could use before any
 * runner sees it. A file whose header is fine but whose body is truncated is caught by the runner.
 */
export async function probeImage(
  bytes: Buffer,
  limits: Pick<MediaLimits, 'imageBytes' | 'imagePixels'>,
): Promise<DecodedImage> {
  if (bytes.length > limits.imageBytes) {
    throw new MediaError(
      StatusCode.INPUT_OVER_LIMIT,
      `image is ${formatBytes(bytes.length)}, over the limit of ${formatBytes(limits.imageBytes)}`,
    );
  }
  refuseNonImage(bytes);
  if (isBmp(bytes)) return probeBmp(bytes, limits);
  let metadata: Metadata;
  try {
    // The pixel limit is checked below with a clearer message than sharp's.
    metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch (error) {
    throw new MediaError(
      StatusCode.INPUT_DECODE_FAILED,
      'image could not be decoded: not a JPEG, PNG, WEBP, GIF, BMP or TIFF file',
      { cause: error },
    );
  }
  const { format, width, height } = metadata;
  if (!IMAGE_FORMATS.has(format) || !width || !height) {
    throw new MediaError(
      StatusCode.INPUT_DECODE_FAILED,
      `image format ${format} is not supported: use JPEG, PNG, WEBP, GIF or TIFF`,
    );
  }
  checkPixels(width, height, limits);
  const orientation = metadata.orientation ?? 1;
  // Orientations 5..8 rotate by 90 degrees, so the displayed image has width and height swapped.
  const swapped = orientation >= 5;
  return { bytes, format, width: swapped ? height : width, height: swapped ? width : height, orientation };
}

/** The bytes say what they are: a video, sound, PDF or web page sent as an image is named as such. */
function refuseNonImage(bytes: Buffer): void {
  const sniffed = sniffMedia(bytes);
  if (sniffed.kind === 'image' || sniffed.kind === 'unknown') return;
  const hint =
    sniffed.kind === 'video'
      ? ': send it as data.video'
      : sniffed.kind === 'audio'
        ? ': send it as data.audio'
        : ': send a JPEG, PNG, WEBP, GIF, BMP or TIFF file';
  throw new MediaError(
    StatusCode.INPUT_DECODE_FAILED,
    `image could not be decoded: the bytes are a ${sniffed.name}, not an image${hint}`,
  );
}

function checkPixels(width: number, height: number, limits: Pick<MediaLimits, 'imagePixels'>) {
  if (width * height > limits.imagePixels) {
    throw new MediaError(
      StatusCode.INPUT_OVER_LIMIT,
      `image is ${width}x${height} (${((width * height) / 1e6).toFixed(1)} megapixels), over the limit of ${limits.imagePixels / 1e6} megapixels`,
    );
  }
}

/**
 * sharp cannot read BMP, so BMP inputs are decoded here and handed to the runners as PNG. The size
 * comes from the header, so an oversized file is refused before its pixels are touched.
 */
async function probeBmp(bytes: Buffer, limits: Pick<MediaLimits, 'imagePixels'>): Promise<DecodedImage> {
  let png: Buffer;
  let size: { width: number; height: number };
  try {
    size = readBmpHeader(bytes);
    checkPixels(size.width, size.height, limits);
    const { width, height, rgba } = decodeBmp(bytes);
    png = await sharp(rgba, { raw: { width, height, channels: 4 } })
      .png({ compressionLevel: 1 })
      .toBuffer();
  } catch (error) {
    if (error instanceof MediaError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new MediaError(StatusCode.INPUT_DECODE_FAILED, `BMP image could not be decoded: ${reason}`, {
      cause: error,
    });
  }
  return { bytes: png, format: 'png', width: size.width, height: size.height, orientation: 1 };
}
