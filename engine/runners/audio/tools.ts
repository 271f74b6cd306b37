/**
 * The Debian programs behind the audio models, run as child processes: `flite` (speech), `ffmpeg`
 * (any audio to 16 kHz mono WAV) and `pocketsphinx_continuous` (recognition). A program that is not
 * installed makes its model answer 21353 with the `apt-get install` line that fixes it. Children
 * are killed when the request is aborted or runs out of time.
 */
import { execFile } from 'node:child_process';
import { access } from 'node:fs/promises';
import { StatusCode } from '../../../contract/clarifai';
import { errorMessage, RunnerFailure } from '../failure';

export interface AudioTools {
  readonly flite: string;
  readonly ffmpeg: string;
  readonly pocketsphinx: string;
  /** Folder with pocketsphinx's `en-us/` acoustic model, `en-us.lm.bin` and `cmudict-en-us.dict`. */
  readonly sphinxModelDir: string;
}

export function defaultAudioTools(env: NodeJS.ProcessEnv = process.env): AudioTools {
  return {
    flite: env.FLITE_PATH || 'flite',
    ffmpeg: env.FFMPEG_PATH || 'ffmpeg',
    pocketsphinx: env.POCKETSPHINX_PATH || 'pocketsphinx_continuous',
    sphinxModelDir: env.POCKETSPHINX_MODEL_DIR || '/usr/share/pocketsphinx/model/en-us',
  };
}

export interface RunOptions {
  readonly signal?: AbortSignal;
  readonly timeoutMs: number;
  /** Largest stdout kept; more fails the run. */
  readonly maxStdout?: number;
}

/** Thrown by `runProgram` when the program ran and failed; carries its stderr's last lines. */
export class ProgramFailed extends Error {
  constructor(
    readonly program: string,
    readonly stderr: string,
    message: string,
  ) {
    super(message);
    this.name = 'ProgramFailed';
  }
}

/** Runs a program to completion; its stdout, or a ProgramFailed / RunnerFailure(21353) / abort error. */
export function runProgram(
  program: string,
  args: readonly string[],
  install: string,
  options: RunOptions,
): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      program,
      args,
      {
        timeout: options.timeoutMs,
        killSignal: 'SIGKILL',
        maxBuffer: options.maxStdout ?? 4 * 1024 * 1024,
        encoding: 'utf8',
        ...(options.signal ? { signal: options.signal } : {}),
      },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        if (options.signal?.aborted)
          return reject(new RunnerFailure(StatusCode.REQUEST_TIMEOUT, 'request was cancelled'));
        if (isNotFound(error)) return reject(notInstalled(program, install));
        const tail = lastLines(stderr);
        const why =
          error.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER'
            ? 'printed more than expected'
            : error.killed
              ? `took longer than ${Math.round(options.timeoutMs / 1000)} s`
              : `failed (${tail || errorMessage(error)})`;
        reject(new ProgramFailed(program, tail, `${program} ${why}`));
      },
    );
  });
}

/** Checks that a program starts at all (its exit code does not matter) and that files exist. */
export async function checkProgram(
  program: string,
  args: readonly string[],
  install: string,
  files: readonly string[] = [],
): Promise<void> {
  try {
    await runProgram(program, args, install, { timeoutMs: 10_000 });
  } catch (error) {
    if (error instanceof RunnerFailure) throw error;
    if (!(error instanceof ProgramFailed)) {
      throw new RunnerFailure(
        StatusCode.MODEL_NOT_DEPLOYED,
        `${program} does not start: ${errorMessage(error)}`,
        { cause: error },
      );
    }
  }
  for (const file of files) {
    try {
      await access(file);
    } catch {
      throw new RunnerFailure(StatusCode.MODEL_NOT_DEPLOYED, `${file} is missing: run \`${install}\``);
    }
  }
}

function notInstalled(program: string, install: string): RunnerFailure {
  return new RunnerFailure(StatusCode.MODEL_NOT_DEPLOYED, `${program} is not installed: run \`${install}\``);
}

function isNotFound(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}

function lastLines(text: string, count = 2): string {
  return text
    .split('\n')
    .map((line) => line.replace(/^\[[^\]]*@ 0x[0-9a-f]+\]\s*/, '').trim())
    .filter(Boolean)
    .slice(-count)
    .join('; ')
    .slice(0, 500);
}
