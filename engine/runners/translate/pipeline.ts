/**
 * One apertium mode kept running in null-flush mode: its programs (analyser, tagger, transfer
 * stages, generator) start once and load their dictionaries once, and each text is written to the
 * pipeline followed by a NUL, which makes every stage flush; the translation is what comes out
 * before the next NUL. Starting the pipeline costs ~0.1 s of a short translation's ~0.11 s.
 *
 * The `apertium` script cannot be driven this way from Node (it opens `/dev/stdin`, which fails on
 * Node's pipes, and its HTML formats read the whole input first), so the mode's own pipeline is
 * run, from the mode's `.mode` file, with the null-flush flag added to every stage. Plain text goes in the apertium stream format: reserved
 * characters escaped with a backslash, so no text can forge markup; they are unescaped on the way
 * out. One text at a time; a failure or a time-out stops the process, and the next text starts a
 * new one.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

const RESERVED = /[\\[\]^$/@<>{}*#+~|]/g;

export function escapeStream(text: string): string {
  // NUL is the flush mark; it has no place in a text.
  return text.replaceAll('\0', '').replace(RESERVED, (char) => `\\${char}`);
}

export function unescapeStream(text: string): string {
  return text.replace(/\\(.)/gs, '$1');
}

export interface WarmPipeline {
  translate(text: string, signal: AbortSignal): Promise<string>;
  close(): void;
}

/**
 * The mode's pipeline with every stage in null-flush mode: `-z` after each program's name. (The
 * word-bound-blank variant `apertium-wblank-mode -z` makes has stages without `-z` that hold the
 * output back.)
 */
export function nullFlushScript(modeText: string): string {
  return modeText
    .trim()
    .split(' | ')
    .map((stage) => stage.trim().replace(/^(\S+)/, '$1 -z'))
    .join(' | ');
}

/** `modeText`: the content of the mode's `.mode` file, a shell pipeline. */
export function createWarmPipeline(modeText: string, timeoutMs: number): WarmPipeline {
  let child: ChildProcessWithoutNullStreams | undefined;
  let pending: { resolve: (text: string) => void; reject: (error: Error) => void } | undefined;
  let output: Buffer[] = [];
  let queue: Promise<unknown> = Promise.resolve();

  const stop = (why: Error) => {
    const current = child;
    child = undefined;
    output = [];
    current?.kill('SIGKILL');
    pending?.reject(why);
    pending = undefined;
  };

  const start = () => {
    // `-n` makes the generator drop the `*` before unknown words (what `apertium -u` does).
    // `$1` is the generator's option: `-n` drops the `*` before unknown words (`apertium -u`);
    // `$2` the tagger's, none.
    const proc = spawn('bash', ['-c', nullFlushScript(modeText), 'bash', '-n', ''], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stderr = '';
    proc.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + String(chunk)).slice(-2000);
    });
    proc.stdout.on('data', (chunk: Buffer) => {
      let rest = chunk;
      for (;;) {
        const end = rest.indexOf(0);
        if (end < 0) break;
        output.push(rest.subarray(0, end));
        const text = Buffer.concat(output).toString('utf8');
        output = [];
        const waiting = pending;
        pending = undefined;
        waiting?.resolve(text);
        rest = rest.subarray(end + 1);
      }
      if (rest.length > 0) output.push(Buffer.from(rest));
    });
    proc.on('error', (error) => {
      if (child === proc) stop(error);
    });
    proc.on('exit', (code, signal) => {
      if (child === proc)
        stop(new Error(`the apertium pipeline stopped (${signal ?? code}): ${stderr.trim()}`));
    });
    proc.stdin.on('error', () => undefined);
    return proc;
  };

  const once = (text: string, signal: AbortSignal) =>
    new Promise<string>((resolve, reject) => {
      if (signal.aborted) return reject(new Error('cancelled'));
      child ??= start();
      const timer = setTimeout(() => stop(new Error(`no answer in ${timeoutMs} ms`)), timeoutMs);
      const onAbort = () => stop(new Error('cancelled'));
      signal.addEventListener('abort', onAbort, { once: true });
      const settle = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
      };
      pending = {
        resolve: (out) => {
          settle();
          resolve(out);
        },
        reject: (error) => {
          settle();
          reject(error);
        },
      };
      // The blank before the NUL matters: the bilingual stage flushes only after one.
      child.stdin.write(`${escapeStream(text)}\n\0`);
    });

  return {
    translate(text, signal) {
      const run = queue.then(
        () => once(text, signal),
        () => once(text, signal),
      );
      queue = run.catch(() => undefined);
      return run.then((out) => unescapeStream(out).trimEnd());
    },
    close() {
      stop(new Error('closed'));
    },
  };
}
