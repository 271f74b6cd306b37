/**
 * Splits ffmpeg's `image2pipe` MJPEG output (JPEG files back to back) into single images. It walks
 * the JPEG structure rather than searching for the end marker's bytes: segments are skipped by
 * their length, and inside entropy-coded data a 0xFF is followed by 0x00 (stuffing) or a restart
 * marker unless a real marker begins. It also reads each image's size from its SOF segment, so
 * frames need no decoding to be described.
 */

export interface JpegImage {
  readonly bytes: Buffer;
  readonly width: number;
  readonly height: number;
}

export class JpegStreamError extends Error {}

type State = 'start' | 'marker' | 'entropy';

const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;

/** Markers that carry no length: TEM, RST0-7, SOI, EOI. */
const standalone = (marker: number) => marker === 0x01 || (marker >= 0xd0 && marker <= 0xd9);
/** Start-of-frame markers (baseline, progressive, lossless...), which hold the image size. */
const startOfFrame = (marker: number) =>
  marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

export class JpegSplitter {
  private buffer = Buffer.alloc(0);
  private length = 0;
  private position = 0;
  private state: State = 'start';
  private width = 0;
  private height = 0;

  /** @param maxImageBytes a single image larger than this is a broken stream, not a frame. */
  constructor(private readonly maxImageBytes = 64 * 1024 * 1024) {}

  /** Bytes held for the image in progress. */
  get pendingBytes(): number {
    return this.length;
  }

  /** Feeds a chunk; returns the images it completed, in order. */
  push(chunk: Uint8Array): JpegImage[] {
    this.append(chunk);
    const images: JpegImage[] = [];
    for (;;) {
      const end = this.advance();
      if (end === undefined) break;
      images.push({
        bytes: Buffer.from(this.buffer.subarray(0, end)),
        width: this.width,
        height: this.height,
      });
      this.buffer.copyWithin(0, end, this.length);
      this.length -= end;
      this.position = 0;
      this.state = 'start';
      this.width = 0;
      this.height = 0;
    }
    if (this.length > this.maxImageBytes) {
      throw new JpegStreamError(`a frame passed ${this.maxImageBytes} bytes without ending`);
    }
    return images;
  }

  /** Call at the end of the stream: anything left over is a cut-off image. */
  finish(): void {
    if (this.length > 0) throw new JpegStreamError(`the stream ended inside an image (${this.length} bytes)`);
  }

  private append(chunk: Uint8Array): void {
    if (this.length + chunk.length > this.buffer.length) {
      const grown = Buffer.alloc(Math.max(this.length + chunk.length, this.buffer.length * 2, 64 * 1024));
      this.buffer.copy(grown, 0, 0, this.length);
      this.buffer = grown;
    }
    this.buffer.set(chunk, this.length);
    this.length += chunk.length;
  }

  /** Scans from where it stopped; returns the end offset of a complete image, if there is one. */
  private advance(): number | undefined {
    const bytes = this.buffer;
    for (;;) {
      if (this.state === 'start') {
        if (this.length - this.position < 2) return undefined;
        if (bytes[this.position] !== 0xff || bytes[this.position + 1] !== SOI) {
          throw new JpegStreamError('expected the start of a JPEG image');
        }
        this.position += 2;
        this.state = 'marker';
      } else if (this.state === 'marker') {
        // Fill bytes (0xFF repeated) may precede a marker.
        while (
          this.position + 1 < this.length &&
          bytes[this.position] === 0xff &&
          bytes[this.position + 1] === 0xff
        ) {
          this.position += 1;
        }
        if (this.length - this.position < 2) return undefined;
        if (bytes[this.position] !== 0xff) throw new JpegStreamError('expected a JPEG marker');
        const marker = bytes[this.position + 1] ?? 0;
        if (marker === EOI) return this.position + 2;
        if (standalone(marker)) {
          this.position += 2;
          continue;
        }
        if (this.length - this.position < 4) return undefined;
        const segment = bytes.readUInt16BE(this.position + 2);
        if (segment < 2) throw new JpegStreamError('JPEG segment with an invalid length');
        if (startOfFrame(marker)) {
          if (this.length - this.position < 9) return undefined;
          this.height = bytes.readUInt16BE(this.position + 5);
          this.width = bytes.readUInt16BE(this.position + 7);
        }
        if (this.length - this.position < 2 + segment) return undefined;
        this.position += 2 + segment;
        if (marker === SOS) this.state = 'entropy';
      } else {
        // Entropy-coded data runs until a 0xFF that starts a real marker.
        for (;;) {
          const at = bytes.subarray(0, this.length).indexOf(0xff, this.position);
          if (at < 0 || at === this.length - 1) {
            // Resume at a trailing 0xFF: its next byte decides what it is.
            this.position = at < 0 ? this.length : at;
            return undefined;
          }
          const next = bytes[at + 1] ?? 0;
          if (next === 0x00 || (next >= 0xd0 && next <= 0xd7)) {
            this.position = at + 2;
            continue;
          }
          this.position = at;
          this.state = 'marker';
          break;
        }
      }
    }
  }
}
