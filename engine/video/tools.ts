/**
 * ffmpeg and ffprobe as child processes: Debian's builds on PATH (or `FFMPEG_PATH` /
 * `FFPROBE_PATH`). Every child is killed when its request is aborted and is tracked until it
 * exits, so tests can prove none is left behind.
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';
import { StatusCode } from '../../contract/clarifai';
import { MediaError } from '../media/media-error';

export interface VideoTools {
  readonly ffmpeg: string;
  readonly ffprobe: string;
}

export function defaultTools(env: NodeJS.ProcessEnv = process.env): VideoTools {
  return { ffmpeg: env.FFMPEG_PATH || 'ffmpeg', ffprobe: env.FFPROBE_PATH || 'ffprobe' };
}

/**
 * Options every ffmpeg/ffprobe call puts before `-i`. The input is a local temporary file that a
 * client sent, so only the `file` protocol and real video containers are allowed: an HLS playlist
 * or a concat script disguised as a video could otherwise make ffmpeg read other local files or
 * fetch URLs.
 */
export const SAFE_INPUT_OPTIONS: readonly string[] = [
  '-protocol_whitelist',
  'file',
  '-format_whitelist',
  'mov,mp4,m4a,3gp,3g2,mj2,matroska,webm,avi,mpegts,mpeg,flv,ogg,asf,gif',
];

export type Child = ChildProcessByStdio<null, Readable, Readable>;

const live = new Set<Child>();
const finished = new WeakSet<Child>();

/** Children started here that have not exited yet. */
export function runningChildren(): number {
  return live.size;
}

/** Starts a tool with stdin closed and stdout/stderr piped. Never throws: spawn errors arrive as 'error'. */
export function startTool(command: string, args: readonly string[]): Child {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(child);
  const done = () => {
    live.delete(child);
    finished.add(child);
  };
  child.once('close', done);
  child.once('error', done);
  return child;
}

/** Kills a child at once: ffmpeg blocked writing to a full pipe does not react to SIGTERM. */
export function killChild(child: Child): void {
  child.stdout.destroy();
  child.stderr.destroy();
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

/** Resolves when the child has exited and its pipes are closed. */
export function exited(child: Child): Promise<void> {
  if (finished.has(child)) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('close', () => resolve());
    child.once('error', () => resolve());
  });
}

/** The part of a tool's stderr worth quoting: its last few lines, bounded in memory. */
export class StderrTail {
  private text = '';

  constructor(private readonly maxChars = 4000) {}

  push(chunk: Buffer | string): void {
    this.text = (this.text + chunk.toString()).slice(-this.maxChars);
  }

  /** The last non-empty lines, joined with "; " and stripped of ffmpeg's `[mov,mp4 @ 0x55...]` prefixes. */
  summary(lines = 2): string {
    return this.text
      .split('\n')
      .map((line) => line.replace(/^\[[^\]]*@ 0x[0-9a-f]+\]\s*/, '').trim())
      .filter(Boolean)
      .slice(-lines)
      .join('; ');
  }

  get empty(): boolean {
    return this.text.trim() === '';
  }
}

/** Runs a tool to completion, collecting stdout (bounded) and a stderr tail. */
export function runTool(
  command: string,
  args: readonly string[],
  options: { signal?: AbortSignal; timeoutMs?: number; maxStdout?: number } = {},
): Promise<{ code: number | null; stdout: string; stderr: StderrTail }> {
  return new Promise((resolve, reject) => {
    const child = startTool(command, args);
    const stderr = new StderrTail();
    const chunks: Buffer[] = [];
    let size = 0;
    let overflow = false;
    const maxStdout = options.maxStdout ?? 1024 * 1024;
    child.stdout.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxStdout) {
        overflow = true;
        killChild(child);
      } else chunks.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    let timedOut = false;
    const timer = options.timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          killChild(child);
        }, options.timeoutMs)
      : undefined;
    const onAbort = () => killChild(child);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const settle = () => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
    };
    child.once('error', (error) => {
      settle();
      reject(toolError(command, error));
    });
    child.once('close', (code) => {
      settle();
      if (options.signal?.aborted) return reject(abortError(options.signal));
      if (timedOut) return reject(new Error(`${command} took longer than ${options.timeoutMs} ms`));
      if (overflow) return reject(new Error(`${command} printed more than ${maxStdout} bytes`));
      resolve({ code, stdout: Buffer.concat(chunks).toString('utf8'), stderr });
    });
  });
}

/** A spawn failure as the status an input answers: a missing tool is the engine's fault, not the video's. */
export function toolError(command: string, error: Error): Error {
  if ('code' in error && error.code === 'ENOENT') {
    return new MediaError(
      StatusCode.INTERNAL,
      `${command} is not installed: install ffmpeg (apt-get install ffmpeg) or set FFMPEG_PATH and FFPROBE_PATH`,
      { cause: error },
    );
  }
  return error;
}

export function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return reason instanceof Error ? reason : new Error('request was cancelled');
}
