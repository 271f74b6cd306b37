/**
 * A predict body read as a stream. Every `inputs[i].data.video.base64` string is decoded as it
 * arrives and written to a temporary file, and only the rest of the JSON (small) is kept and parsed:
 * a 100 MB video sent as 134 MB of base64 never exists in memory whole, neither as the body text,
 * nor as the parsed string, nor as the decoded buffer. The spooled string's place in the JSON gets
 * Clarifai's bytes marker, so the parsed body keeps its shape (and its echo) and validates as before.
 *
 * The scanner only follows nesting, keys and string boundaries; whether the JSON is well formed is
 * still decided by `JSON.parse` on what is kept, plus the checks on the spooled strings themselves
 * (control characters, escapes), so a body is accepted exactly when it was accepted whole.
 */
import { mkdtemp, open, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { BYTES_MARKER } from '../../contract/clarifai';
import type { SpooledVideo } from '../media/types';

export interface SpooledBody {
  readonly value: unknown;
  /** Spooled videos by input index. */
  readonly videos: ReadonlyMap<number, SpooledVideo>;
  /** Removes the temporary files; never throws. */
  dispose(): Promise<void>;
}

export class MalformedBody extends Error {}

export interface SpoolOptions {
  readonly tempDir: string;
  /** Decoded bytes written per video at most; counting goes on past it. */
  readonly maxBytes: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const ALPHABET = /^[A-Za-z0-9+/\-_]*$/;
const BASE64_WHITESPACE = /[ \t\n\r\f\v]+/g;
const OUTSIDE = /[^A-Za-z0-9+/\-_= \t\n\r\f\v]/;
const SIMPLE_ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

function hasControlCharacter(bytes: Buffer, start: number, end: number): boolean {
  for (let at = start; at < end; at++) if ((bytes[at] ?? 0) < 0x20) return true;
  return false;
}

type Frame =
  { kind: 'object'; key: string | undefined; expectKey: boolean } | { kind: 'array'; index: number };

/** Decodes base64 text fed in pieces of any length into a file, checking it as the old decoder did. */
class Base64Sink {
  private pending = '';
  private alphabetChars = 0;
  private characters = 0;
  private padding = 0;
  private valid = true;
  private written = 0;
  rawLength = 0;

  constructor(
    private readonly file: FileHandle,
    readonly filePath: string,
    private readonly maxBytes: number,
  ) {}

  async feed(text: string): Promise<void> {
    this.rawLength += text.length;
    if (OUTSIDE.test(text)) this.valid = false;
    if (!this.valid) {
      this.characters += text.replace(BASE64_WHITESPACE, '').length;
      return;
    }
    const compact = text.replace(BASE64_WHITESPACE, '');
    if (compact.length === 0) return;
    this.characters += compact.length;
    let data = compact;
    const firstPad = compact.indexOf('=');
    if (this.padding > 0 && firstPad !== 0) {
      this.valid = false;
      return;
    }
    if (firstPad >= 0) {
      const tail = compact.slice(firstPad);
      if (!/^=*$/.test(tail) || this.padding + tail.length > 2) {
        this.valid = false;
        return;
      }
      this.padding += tail.length;
      data = compact.slice(0, firstPad);
    }
    if (!ALPHABET.test(data)) {
      this.valid = false;
      return;
    }
    this.alphabetChars += data.length;
    if (this.overLimit()) return;
    this.pending += data;
    const whole = this.pending.length - (this.pending.length % 4);
    if (whole >= 64 * 1024) {
      await this.write(Buffer.from(this.pending.slice(0, whole), 'base64'));
      this.pending = this.pending.slice(whole);
    }
  }

  async finish(): Promise<SpooledVideo> {
    if (this.valid && !this.overLimit() && this.pending.length > 0) {
      await this.write(Buffer.from(this.pending, 'base64'));
    }
    this.pending = '';
    await this.file.close();
    return {
      path: this.filePath,
      size: Math.floor((this.alphabetChars * 3) / 4),
      characters: this.characters,
      valid: this.valid,
    };
  }

  async abandon(): Promise<void> {
    await this.file.close().catch(() => undefined);
  }

  private overLimit() {
    return Math.floor((this.alphabetChars * 3) / 4) > this.maxBytes;
  }

  private async write(bytes: Buffer) {
    const end = Math.min(bytes.length, this.maxBytes - this.written);
    if (end <= 0) return;
    await this.file.write(bytes, 0, end);
    this.written += end;
  }
}

/**
 * Reads `stream` to its end. Throws `MalformedBody` when the JSON is not well formed (or the
 * stream breaks off); any temporary file is removed before it throws.
 */
export async function readSpooledBody(
  stream: ReadableStream<Uint8Array> | null,
  options: SpoolOptions,
): Promise<SpooledBody> {
  let folder: string | undefined;
  const dispose = async () => {
    if (folder) await rm(folder, { recursive: true, force: true }).catch(() => undefined);
  };
  const kept: Buffer[] = [];
  const videos = new Map<number, SpooledVideo>();
  const stack: Frame[] = [];
  let files = 0;

  // String state: outside a string, in a key, in a kept value, or in a spooled value.
  let mode: 'none' | 'key' | 'keep' | 'spool' = 'none';
  let escape = false;
  let keyBytes: number[] = [];
  let sink: Base64Sink | undefined;
  let spoolIndex = 0;
  // Inside a spooled string: an escape being read (`\` seen, or `\u` and some hex digits).
  let spoolEscape: string | undefined;

  const spoolTarget = (): number | undefined => {
    if (stack.length !== 5) return undefined;
    const [root, inputs, input, data, video] = stack;
    if (root?.kind !== 'object' || root.key !== 'inputs') return undefined;
    if (inputs?.kind !== 'array') return undefined;
    if (input?.kind !== 'object' || input.key !== 'data') return undefined;
    if (data?.kind !== 'object' || data.key !== 'video') return undefined;
    if (video?.kind !== 'object' || video.key !== 'base64') return undefined;
    return inputs.index;
  };

  const openSink = async () => {
    folder ??= await mkdtemp(path.join(options.tempDir, 'lens-upload-'));
    const filePath = path.join(folder, `video-${files++}`);
    return new Base64Sink(await open(filePath, 'w'), filePath, options.maxBytes);
  };

  try {
    const reader = stream?.getReader();
    for (;;) {
      const next = reader ? await reader.read() : { done: true as const, value: undefined };
      if (next.done) break;
      const chunk = Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength);
      let segment = 0;
      let i = 0;
      while (i < chunk.length) {
        if (mode === 'spool') {
          // Most of a big body is here: find the string's end natively, decode the run before it.
          let stop = i;
          let text = '';
          while (stop < chunk.length && spoolEscape !== undefined) {
            const char = String.fromCharCode(chunk[stop] ?? 0);
            stop++;
            if (spoolEscape === '') {
              if (char === 'u') spoolEscape = 'u';
              else if (SIMPLE_ESCAPES[char] !== undefined) {
                text += SIMPLE_ESCAPES[char];
                spoolEscape = undefined;
              } else throw new MalformedBody('bad escape');
            } else {
              if (!/[0-9a-fA-F]/.test(char)) throw new MalformedBody('bad escape');
              spoolEscape += char;
              if (spoolEscape.length === 5) {
                text += String.fromCharCode(parseInt(spoolEscape.slice(1), 16));
                spoolEscape = undefined;
              }
            }
          }
          i = stop;
          const quote = chunk.indexOf(QUOTE, i);
          const slash = chunk.indexOf(BACKSLASH, i);
          const end = Math.min(quote < 0 ? chunk.length : quote, slash < 0 ? chunk.length : slash);
          const run = chunk.toString('latin1', i, end);
          // A raw control character is not allowed inside a JSON string.
          if (hasControlCharacter(chunk, i, end)) throw new MalformedBody('control character in a string');
          // Bytes past ASCII are not base64; latin1 keeps them as one character each.
          text += run;
          if (text) await sink?.feed(text);
          i = end;
          if (i >= chunk.length) break;
          if (chunk[i] === BACKSLASH) {
            spoolEscape = '';
            i++;
            continue;
          }
          // The closing quote: the marker (or "" for an empty string) takes the string's place.
          const empty = !sink || sink.rawLength === 0;
          const finished = await sink?.finish();
          sink = undefined;
          if (finished && !empty) {
            videos.set(spoolIndex, finished);
            kept.push(Buffer.from(`"${BYTES_MARKER}"`));
          } else {
            kept.push(Buffer.from('""'));
          }
          mode = 'none';
          i++;
          segment = i;
          continue;
        }
        const byte = chunk[i] ?? 0;
        if (mode === 'keep' && !escape) {
          // A kept string (an image's base64, a text) is copied as it is: skip to its next quote
          // or backslash natively.
          const quote = chunk.indexOf(QUOTE, i);
          const slash = chunk.indexOf(BACKSLASH, i);
          const next = Math.min(quote < 0 ? chunk.length : quote, slash < 0 ? chunk.length : slash);
          if (next > i) {
            i = next;
            continue;
          }
        }
        if (mode === 'key' || mode === 'keep') {
          if (escape) escape = false;
          else if (byte === BACKSLASH) escape = true;
          else if (byte === QUOTE) {
            if (mode === 'key') {
              const top = stack.at(-1);
              if (top?.kind === 'object') {
                top.key = Buffer.from(keyBytes).toString('utf8');
                top.expectKey = false;
              }
              keyBytes = [];
            }
            mode = 'none';
          } else if (mode === 'key' && keyBytes.length < 64) keyBytes.push(byte);
          i++;
          continue;
        }
        const top = stack.at(-1);
        switch (byte) {
          case 0x7b: // {
            stack.push({ kind: 'object', key: undefined, expectKey: true });
            break;
          case 0x5b: // [
            stack.push({ kind: 'array', index: 0 });
            break;
          case 0x7d: // }
          case 0x5d: // ]
            stack.pop();
            break;
          case 0x2c: // ,
            if (top?.kind === 'array') top.index++;
            else if (top?.kind === 'object') {
              top.expectKey = true;
              top.key = undefined;
            }
            break;
          case QUOTE: {
            if (top?.kind === 'object' && top.expectKey) {
              mode = 'key';
              break;
            }
            const target = spoolTarget();
            if (target === undefined) {
              mode = 'keep';
              break;
            }
            kept.push(Buffer.from(chunk.subarray(segment, i)));
            mode = 'spool';
            spoolIndex = target;
            spoolEscape = undefined;
            sink = await openSink();
            i++;
            segment = i;
            continue;
          }
        }
        i++;
      }
      if (mode !== 'spool' && segment < chunk.length) kept.push(Buffer.from(chunk.subarray(segment)));
    }
    if (mode === 'spool') throw new MalformedBody('the body ends inside a string');
    let value: unknown;
    try {
      value = JSON.parse(Buffer.concat(kept).toString('utf8'));
    } catch {
      throw new MalformedBody('not JSON');
    }
    return { value, videos, dispose };
  } catch (error) {
    await sink?.abandon();
    await dispose();
    if (error instanceof MalformedBody) throw error;
    // The stream broke off (the client went away): the same answer as a truncated body.
    throw new MalformedBody('the body could not be read', { cause: error });
  }
}
