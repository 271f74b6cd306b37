/**
 * What a video file holds, read with ffprobe before any frame is decoded: whether ffmpeg can open
 * it, its first video stream, and how long that stream lasts. Cheap (headers only) except for files
 * whose header has no duration (a WebM written by MediaRecorder), where the packets are scanned.
 */
import { z } from 'zod';
import { StatusCode } from '../../contract/clarifai';
import { MediaError } from '../media/media-error';
import { runTool, SAFE_INPUT_OPTIONS, type VideoTools } from './tools';

export interface VideoInfo {
  readonly durationMs: number;
  readonly width: number;
  readonly height: number;
  readonly codec: string;
  /** ffprobe's container name, e.g. "mov,mp4,m4a,3gp,3g2,mj2". */
  readonly container: string;
}

const Seconds = z.union([z.string(), z.number()]).optional();

const ProbeOutput = z.looseObject({
  streams: z
    .array(
      z.looseObject({
        codec_type: z.string().optional(),
        codec_name: z.string().optional(),
        width: z.number().optional(),
        height: z.number().optional(),
        duration: Seconds,
        disposition: z.looseObject({ attached_pic: z.number().optional() }).optional(),
      }),
    )
    .default([]),
  format: z.looseObject({ duration: Seconds, format_name: z.string().optional() }).optional(),
});

const PROBE_TIMEOUT_MS = 60_000;

/** The containers SAFE_INPUT_OPTIONS lets through, as people name them. */
const CONTAINERS = 'MP4, MOV, 3GP, WebM, MKV, AVI, MPEG, MPEG-TS, FLV, Ogg, WMV, GIF';

export async function probeVideo(
  file: string,
  tools: VideoTools,
  options: { signal?: AbortSignal; maxDurationMs: number },
): Promise<VideoInfo> {
  const { code, stdout, stderr } = await runTool(
    tools.ffprobe,
    [
      '-v',
      'error',
      ...SAFE_INPUT_OPTIONS,
      '-show_entries',
      'stream=codec_type,codec_name,width,height,duration:stream_disposition=attached_pic:format=duration,format_name',
      '-of',
      'json',
      file,
    ],
    { timeoutMs: PROBE_TIMEOUT_MS, ...(options.signal ? { signal: options.signal } : {}) },
  );
  if (code !== 0) {
    const reason = stderr.summary();
    throw new MediaError(
      StatusCode.INPUT_DECODE_FAILED,
      reason.includes('not on whitelist')
        ? `video could not be decoded: it is not in a video format the engine reads (${CONTAINERS})`
        : `video could not be decoded: it is truncated or not a video file ffmpeg can read (${describe(reason, file)})`,
    );
  }
  const parsed = ProbeOutput.safeParse(safeJson(stdout));
  if (!parsed.success) throw new Error(`ffprobe printed something unexpected: ${stdout.slice(0, 200)}`);
  const { streams, format } = parsed.data;
  const stream = streams.find((s) => s.codec_type === 'video' && s.disposition?.attached_pic !== 1);
  if (!stream || !stream.width || !stream.height) {
    throw new MediaError(
      StatusCode.INPUT_DECODE_FAILED,
      streams.some((s) => s.codec_type === 'audio')
        ? 'video has no picture, only sound: send it as audio'
        : 'video has no video stream',
    );
  }
  let durationMs = seconds(stream.duration) ?? seconds(format?.duration);
  durationMs ??= await scanDuration(file, tools, options.signal);
  if (durationMs === undefined || durationMs <= 0) {
    throw new MediaError(StatusCode.INPUT_DECODE_FAILED, 'video could not be decoded: it has no frames');
  }
  if (durationMs > options.maxDurationMs) {
    throw new MediaError(
      StatusCode.INPUT_OVER_LIMIT,
      `video is ${formatDuration(durationMs)} long, over the limit of ${formatDuration(options.maxDurationMs)} for a video: trim it`,
    );
  }
  return {
    durationMs,
    width: stream.width,
    height: stream.height,
    codec: stream.codec_name ?? 'unknown',
    container: format?.format_name ?? 'unknown',
  };
}

/**
 * The end of the last video packet, for containers whose header states no duration. Reads
 * packets only (no decoding) and keeps two numbers, however long the listing.
 */
async function scanDuration(
  file: string,
  tools: VideoTools,
  signal?: AbortSignal,
): Promise<number | undefined> {
  const { code, stdout } = await runTool(
    tools.ffprobe,
    [
      '-v',
      'error',
      ...SAFE_INPUT_OPTIONS,
      '-select_streams',
      'v:0',
      '-show_entries',
      'packet=pts_time,duration_time',
      '-of',
      'csv=p=0',
      file,
    ],
    { timeoutMs: PROBE_TIMEOUT_MS, maxStdout: 64 * 1024 * 1024, ...(signal ? { signal } : {}) },
  );
  if (code !== 0) return undefined;
  let first = Number.POSITIVE_INFINITY;
  let end = Number.NEGATIVE_INFINITY;
  let lastPts = Number.NaN;
  let gap = 0;
  for (const line of stdout.split('\n')) {
    const [ptsText, durationText] = line.split(',');
    const pts = Number(ptsText);
    if (!ptsText || !Number.isFinite(pts)) continue;
    const duration = Number(durationText);
    // Packets without a duration (common in WebM) last as long as the gap before them.
    if (Number.isFinite(lastPts) && pts > lastPts) gap = pts - lastPts;
    lastPts = pts;
    first = Math.min(first, pts);
    end = Math.max(end, pts + (durationText && Number.isFinite(duration) && duration > 0 ? duration : gap));
  }
  if (!Number.isFinite(first) || !Number.isFinite(end)) return undefined;
  return (end - first) * 1000;
}

function seconds(value: string | number | undefined): number | undefined {
  const number = Number(value);
  return value === undefined || value === 'N/A' || !Number.isFinite(number) || number <= 0
    ? undefined
    : number * 1000;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** ffprobe's message without the temporary file's path, which means nothing to the client. */
function describe(message: string, file: string): string {
  return message.replaceAll(`${file}: `, '').replaceAll(file, 'the file') || 'ffprobe gave no reason';
}

/** "10 minutes", "12 min 30 s", "10 min 0.001 s", "4.5 s": exact to the millisecond. */
export function formatDuration(ms: number): string {
  const whole = Math.round(ms);
  const minutes = Math.floor(whole / 60_000);
  const rest = (whole - minutes * 60_000) / 1000;
  if (minutes === 0) return `${rest} s`;
  if (rest === 0) return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
  return `${minutes} min ${rest} s`;
}
