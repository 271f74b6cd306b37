/**
 * Sampled frames of a video file, decoded by one ffmpeg process and handed out one at a time as
 * JPEG images. Memory stays bounded whatever the video's length: when the consumer lags, ffmpeg's
 * stdout is paused, the pipe fills and ffmpeg blocks until frames are taken again. The process is
 * killed when the iteration stops early, the signal aborts, or something fails.
 *
 *   ffmpeg -v error -protocol_whitelist file -format_whitelist ... -i FILE -map 0:v:0 -an -sn -dn
 *     -vf "setpts=PTS-STARTPTS-0.500/TB,fps=fps=1000/1000:start_time=0:round=up" -frames:v COUNT
 *     -fps_mode passthrough -c:v mjpeg -q:v 3 -pix_fmt yuvj420p -f image2pipe pipe:1
 */
import { StatusCode } from '../../contract/clarifai';
import { MediaError } from '../media/media-error';
import { JpegSplitter, type JpegImage } from './jpeg-stream';
import { frameTime, samplingFilter, type FramePlan } from './sampling';
import {
  abortError,
  exited,
  killChild,
  SAFE_INPUT_OPTIONS,
  StderrTail,
  startTool,
  toolError,
  type Child,
  type VideoTools,
} from './tools';

export interface VideoFrame {
  readonly index: number;
  /** ms from the start of the video (`frame_info.time`). */
  readonly timeMs: number;
  readonly image: JpegImage;
}

export interface FrameStreamStats {
  /** Frames read from ffmpeg so far. */
  readonly decoded: number;
  /** Frames read but not yet taken by the consumer. */
  readonly buffered: number;
  /** Whether ffmpeg's stdout is paused (the consumer is behind). */
  readonly paused: boolean;
  /** Whether the ffmpeg process is still running. */
  readonly running: boolean;
}

export interface FrameStream extends AsyncIterableIterator<VideoFrame> {
  readonly stats: FrameStreamStats;
  /** Stops ffmpeg (if still running) and waits until it has exited. Safe to call twice. */
  close(): Promise<void>;
}

export interface SampleOptions {
  readonly tools: VideoTools;
  readonly signal?: AbortSignal;
  /** Frames held for a slow consumer before ffmpeg is paused. Default 2. */
  readonly maxBuffered?: number;
  /** MJPEG quality, 2 (best) to 31. Default 3: sharp enough for OCR of small print. */
  readonly quality?: number;
}

export function sampleFrames(file: string, plan: FramePlan, options: SampleOptions): FrameStream {
  return new FrameReader(file, plan, options);
}

export function ffmpegFrameArgs(file: string, plan: FramePlan, quality = 3): string[] {
  return [
    '-nostdin',
    '-hide_banner',
    '-v',
    'error',
    ...SAFE_INPUT_OPTIONS,
    '-i',
    file,
    '-map',
    '0:v:0',
    '-an',
    '-sn',
    '-dn',
    '-vf',
    samplingFilter(plan),
    '-frames:v',
    String(plan.count),
    '-fps_mode',
    'passthrough',
    '-c:v',
    'mjpeg',
    '-q:v',
    String(quality),
    '-pix_fmt',
    'yuvj420p',
    '-f',
    'image2pipe',
    'pipe:1',
  ];
}

type Waiter = { resolve: (result: IteratorResult<VideoFrame>) => void; reject: (error: unknown) => void };

class FrameReader implements FrameStream {
  private readonly child: Child;
  private readonly splitter = new JpegSplitter();
  private readonly stderr = new StderrTail();
  private readonly queue: VideoFrame[] = [];
  private readonly maxBuffered: number;
  private waiter: Waiter | undefined;
  private decoded = 0;
  private ended = false;
  private failure: unknown;
  private stopping = false;
  private closed = false;

  constructor(
    private readonly file: string,
    private readonly plan: FramePlan,
    private readonly options: SampleOptions,
  ) {
    this.maxBuffered = Math.max(1, options.maxBuffered ?? 2);
    this.child = startTool(options.tools.ffmpeg, ffmpegFrameArgs(file, plan, options.quality));
    this.child.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
    this.child.stderr.on('data', (chunk: Buffer) => this.stderr.push(chunk));
    this.child.once('error', (error) => this.fail(toolError(options.tools.ffmpeg, error)));
    this.child.once('close', (code) => {
      this.closed = true;
      this.onExit(code);
    });
    if (options.signal?.aborted) this.onAbort();
    else options.signal?.addEventListener('abort', this.onAbort, { once: true });
  }

  get stats(): FrameStreamStats {
    return {
      decoded: this.decoded,
      buffered: this.queue.length,
      paused: this.child.stdout.isPaused(),
      running: !this.closed,
    };
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  next(): Promise<IteratorResult<VideoFrame>> {
    if (this.options.signal?.aborted) return Promise.reject(abortError(this.options.signal));
    const frame = this.queue.shift();
    if (frame) {
      this.resumeIfDrained();
      return Promise.resolve({ value: frame, done: false });
    }
    if (this.failure !== undefined) return Promise.reject(this.failure);
    if (this.ended) return Promise.resolve({ value: undefined, done: true });
    this.resumeIfDrained();
    return new Promise((resolve, reject) => {
      this.waiter = { resolve, reject };
    });
  }

  async return(): Promise<IteratorResult<VideoFrame>> {
    await this.close();
    return { value: undefined, done: true };
  }

  async close(): Promise<void> {
    this.stopping = true;
    this.options.signal?.removeEventListener('abort', this.onAbort);
    killChild(this.child);
    await exited(this.child);
    this.queue.length = 0;
    if (!this.ended && this.failure === undefined) this.finish();
  }

  private readonly onAbort = () => {
    if (this.options.signal) this.fail(abortError(this.options.signal));
  };

  private onData(chunk: Buffer): void {
    let images: JpegImage[];
    try {
      images = this.splitter.push(chunk);
    } catch (error) {
      this.fail(new Error(`ffmpeg's frame stream could not be read: ${String(error)}`, { cause: error }));
      return;
    }
    for (const image of images) {
      // `-frames:v` stops ffmpeg at the planned count; anything beyond it is not a planned frame.
      if (this.decoded >= this.plan.count) break;
      const frame: VideoFrame = { index: this.decoded, timeMs: frameTime(this.plan, this.decoded), image };
      this.decoded += 1;
      const waiter = this.waiter;
      if (waiter) {
        this.waiter = undefined;
        waiter.resolve({ value: frame, done: false });
      } else {
        this.queue.push(frame);
      }
    }
    if (this.queue.length >= this.maxBuffered && !this.child.stdout.isPaused()) this.child.stdout.pause();
  }

  private resumeIfDrained(): void {
    if (this.queue.length < this.maxBuffered && this.child.stdout.isPaused() && !this.stopping) {
      this.child.stdout.resume();
    }
  }

  private onExit(code: number | null): void {
    if (this.failure !== undefined || this.ended) return;
    if (this.stopping) return this.finish();
    if (code !== 0) {
      return this.fail(
        new MediaError(
          StatusCode.INPUT_DECODE_FAILED,
          `video could not be decoded after ${this.decoded} of ${this.plan.count} frames (${this.reason()})`,
        ),
      );
    }
    try {
      this.splitter.finish();
    } catch (error) {
      return this.fail(new Error(`ffmpeg's frame stream ended badly: ${String(error)}`, { cause: error }));
    }
    // A clean decode may end one frame early when the container's duration and the stream's last
    // frame disagree by a few milliseconds; anything more, or any decode error, is a damaged file.
    const missing = this.plan.count - this.decoded;
    if (missing > 1 || (missing === 1 && !this.stderr.empty)) {
      const decodedUpTo = this.decoded === 0 ? 0 : frameTime(this.plan, this.decoded - 1);
      return this.fail(
        new MediaError(
          StatusCode.INPUT_DECODE_FAILED,
          `video is truncated or damaged: only ${this.decoded} of ${this.plan.count} frames could be decoded (up to ${decodedUpTo} ms of ${frameTime(this.plan, this.plan.count - 1)} ms; ${this.reason()})`,
        ),
      );
    }
    this.finish();
  }

  private reason(): string {
    const summary = this.stderr.summary();
    return summary
      ? `ffmpeg: ${summary.replaceAll(`${this.file}: `, '').replaceAll(this.file, 'the file')}`
      : 'ffmpeg gave no reason';
  }

  private finish(): void {
    this.ended = true;
    const waiter = this.waiter;
    this.waiter = undefined;
    waiter?.resolve({ value: undefined, done: true });
  }

  private fail(error: unknown): void {
    if (this.failure !== undefined) return;
    this.failure = error;
    killChild(this.child);
    const waiter = this.waiter;
    this.waiter = undefined;
    waiter?.reject(error);
  }
}
