/**
 * A small reader for protobuf text format (what Python's `print(response)` writes), enough to
 * turn Clarifai's recorded gRPC answers into the REST JSON the app reads. Without the .proto
 * schema the text cannot say which fields repeat, which strings are bytes, or what an enum name
 * is worth, so the caller says so (`PbJsonOptions`). Dependency-free so the converter script
 * (Node) and the unit tests (the app's vitest) share it.
 */

export type PbValue =
  | { kind: 'number'; text: string }
  | { kind: 'string'; bytes: Uint8Array }
  | { kind: 'identifier'; name: string }
  | { kind: 'message'; fields: PbField[] };

export interface PbField {
  name: string;
  value: PbValue;
}

export interface ParsedPbtxt {
  fields: PbField[];
  /** Notes cut out of the text: recordings mark elided parts as `[... note ...]`. */
  elisions: string[];
}

export class PbtxtError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'PbtxtError';
  }
}

type Token =
  | { type: 'name'; value: string; line: number }
  | { type: 'number'; value: string; line: number }
  | { type: 'string'; value: Uint8Array; line: number }
  | { type: 'punct'; value: string; line: number };

/** `[... a note ...]`: how the recordings mark what was cut out. Notes contain no `]`. */
const ELISION = /\[\.\.\.[^\]]*\.\.\.\]/g;

const encoder = new TextEncoder();

/** Reads one quoted string starting at `start` (the quote): its bytes and the index after it. */
function readString(text: string, start: number, line: number): { bytes: Uint8Array; end: number } {
  const quote = text[start];
  const bytes: number[] = [];
  let i = start + 1;
  const pushText = (chunk: string) => bytes.push(...encoder.encode(chunk));
  while (i < text.length && text[i] !== quote) {
    const ch = text[i] ?? '';
    if (ch === '\n') throw new PbtxtError('string runs past the end of the line', line);
    if (ch !== '\\') {
      // Whole code points, so characters outside the BMP are encoded as one UTF-8 sequence.
      const point = text.codePointAt(i) ?? 0;
      const chunk = String.fromCodePoint(point);
      pushText(chunk);
      i += chunk.length;
      continue;
    }
    const next = text[i + 1] ?? '';
    const simple: Record<string, number> = {
      n: 10,
      t: 9,
      r: 13,
      a: 7,
      b: 8,
      f: 12,
      v: 11,
      '\\': 92,
      "'": 39,
      '"': 34,
      '?': 63,
    };
    if (next in simple) {
      bytes.push(simple[next] ?? 0);
      i += 2;
    } else if (/[0-7]/.test(next)) {
      const octal = /^[0-7]{1,3}/.exec(text.slice(i + 1, i + 4))?.[0] ?? '0';
      bytes.push(Number.parseInt(octal, 8) & 0xff);
      i += 1 + octal.length;
    } else if (next === 'x' || next === 'X') {
      const hex = /^[0-9a-fA-F]{1,2}/.exec(text.slice(i + 2, i + 4))?.[0];
      if (!hex) throw new PbtxtError('\\x without hex digits', line);
      bytes.push(Number.parseInt(hex, 16));
      i += 2 + hex.length;
    } else if (next === 'u' || next === 'U') {
      const length = next === 'u' ? 4 : 8;
      const hex = text.slice(i + 2, i + 2 + length);
      if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== length)
        throw new PbtxtError(`bad \\${next} escape`, line);
      pushText(String.fromCodePoint(Number.parseInt(hex, 16)));
      i += 2 + length;
    } else {
      throw new PbtxtError(`unknown escape \\${next}`, line);
    }
  }
  if (i >= text.length) throw new PbtxtError('unterminated string', line);
  return { bytes: Uint8Array.from(bytes), end: i + 1 };
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const ch = text[i] ?? '';
    if (ch === '\n') {
      line += 1;
      i += 1;
    } else if (/\s/.test(ch)) {
      i += 1;
    } else if (ch === '#') {
      while (i < text.length && text[i] !== '\n') i += 1;
    } else if (ch === '"' || ch === "'") {
      const { bytes, end } = readString(text, i, line);
      // Adjacent strings concatenate, as in C ("abc" "def").
      const last = tokens[tokens.length - 1];
      if (last?.type === 'string') {
        const joined = new Uint8Array(last.value.length + bytes.length);
        joined.set(last.value);
        joined.set(bytes, last.value.length);
        last.value = joined;
      } else {
        tokens.push({ type: 'string', value: bytes, line });
      }
      i = end;
    } else if ('{}[]<>:;,'.includes(ch)) {
      tokens.push({ type: 'punct', value: ch, line });
      i += 1;
    } else {
      const match =
        /^(?:-?(?:0[xX][0-9a-fA-F]+|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)[fF]?|-?[A-Za-z_][\w.]*)/.exec(
          text.slice(i, i + 400),
        );
      if (!match) throw new PbtxtError(`unexpected character ${JSON.stringify(ch)}`, line);
      const word = match[0];
      tokens.push(
        /^-?[\d.]/.test(word) ? { type: 'number', value: word, line } : { type: 'name', value: word, line },
      );
      i += word.length;
    }
  }
  return tokens;
}

/** Parses protobuf text into an ordered list of fields (repeated fields appear once per value). */
export function parsePbtxt(input: string): ParsedPbtxt {
  const elisions: string[] = [];
  // Elision notes are cut before tokenizing: they may sit inside a string (a shortened blob) or
  // on a line of their own (skipped repeated values).
  const text = input.replace(ELISION, (note) => {
    elisions.push(
      note
        .slice(1, -1)
        .replace(/^\.\.\.\s*/, '')
        .replace(/\s*\.\.\.$/, ''),
    );
    return '';
  });
  const tokens = tokenize(text);
  let position = 0;
  const peek = () => tokens[position];
  const lastLine = () => tokens[tokens.length - 1]?.line ?? 1;

  const parseScalar = (): PbValue => {
    const token = tokens[position];
    if (!token) throw new PbtxtError('value expected at the end of the text', lastLine());
    position += 1;
    if (token.type === 'string') return { kind: 'string', bytes: token.value };
    if (token.type === 'number') return { kind: 'number', text: token.value };
    // Enum names, booleans and `inf`/`-inf`/`nan`.
    if (token.type === 'name') return { kind: 'identifier', name: token.value };
    throw new PbtxtError(`value expected, found ${JSON.stringify(token.value)}`, token.line);
  };

  const parseFields = (close: string | undefined): PbField[] => {
    const fields: PbField[] = [];
    for (;;) {
      const token = peek();
      if (!token) {
        if (close) throw new PbtxtError(`missing ${JSON.stringify(close)}`, lastLine());
        return fields;
      }
      if (token.type === 'punct' && token.value === close) {
        position += 1;
        return fields;
      }
      if (token.type !== 'name')
        throw new PbtxtError(
          `field name expected, found ${JSON.stringify(token.type === 'string' ? 'a string' : token.value)}`,
          token.line,
        );
      position += 1;
      const name = token.value;
      let next = peek();
      const hasColon = next?.type === 'punct' && next.value === ':';
      if (hasColon) {
        position += 1;
        next = peek();
      }
      const values: PbValue[] = [];
      if (next?.type === 'punct' && (next.value === '{' || next.value === '<')) {
        position += 1;
        values.push({ kind: 'message', fields: parseFields(next.value === '{' ? '}' : '>') });
      } else if (next?.type === 'punct' && next.value === '[') {
        // The list shorthand: `vector: [1, 2, 3]` (or a list of messages).
        position += 1;
        while (!(peek()?.type === 'punct' && peek()?.value === ']')) {
          const item = peek();
          if (item?.type === 'punct' && (item.value === '{' || item.value === '<')) {
            position += 1;
            values.push({ kind: 'message', fields: parseFields(item.value === '{' ? '}' : '>') });
          } else {
            values.push(parseScalar());
          }
          if (peek()?.type === 'punct' && peek()?.value === ',') position += 1;
          else if (!(peek()?.type === 'punct' && peek()?.value === ']'))
            throw new PbtxtError('"," or "]" expected in a list', peek()?.line ?? lastLine());
        }
        position += 1;
      } else {
        if (!hasColon) throw new PbtxtError(`":" or "{" expected after ${name}`, token.line);
        values.push(parseScalar());
      }
      for (const value of values) fields.push({ name, value });
      // Separators between fields are optional.
      const separator = peek();
      if (separator?.type === 'punct' && (separator.value === ',' || separator.value === ';')) position += 1;
    }
  };

  return { fields: parseFields(undefined), elisions };
}

// -------------------------------------------------------------------------------------------
// To JSON, the way protobuf's JSON mapping (and so Clarifai's REST API) writes the same message.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface PbJsonOptions {
  /** Field names that are `repeated` in the schema: always arrays, even with one value. */
  repeated: ReadonlySet<string>;
  /** Fields of type `bytes`: base64 in JSON. Every other string is UTF-8 text. */
  bytes: ReadonlySet<string>;
  /** Enum value names → numbers (REST sends enums as integers). */
  enums: Readonly<Record<string, number>>;
  /** `google.protobuf.Struct` fields: `fields { key value { string_value } }` → a plain object. */
  structs: ReadonlySet<string>;
  /** `google.protobuf.Timestamp` fields: `{seconds, nanos}` → an RFC 3339 string. */
  timestamps: ReadonlySet<string>;
  /** Told about anything converted on a guess (a name not in `enums`, a repeat not declared). */
  warn?: (message: string) => void;
}

function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

const utf8 = new TextDecoder('utf-8');

function numberOf(text: string): number {
  const clean = text.replace(/[fF]$/, '');
  return /^-?0[xX]/.test(clean) ? Number.parseInt(clean, 16) : Number(clean);
}

/** `{seconds, nanos}` → "2023-11-22T12:42:50.361613613Z" (3, 6 or 9 fraction digits, as protobuf). */
export function timestampToRfc3339(seconds: number, nanos: number): string {
  const base = new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, '');
  if (!nanos) return `${base}Z`;
  const digits = String(nanos).padStart(9, '0');
  const fraction = digits.endsWith('000000')
    ? digits.slice(0, 3)
    : digits.endsWith('000')
      ? digits.slice(0, 6)
      : digits;
  return `${base}.${fraction}Z`;
}

function structValue(value: PbValue, options: PbJsonOptions, path: string): Json {
  if (value.kind !== 'message') return scalarToJson('value', value, options, path);
  const [kind] = value.fields;
  if (!kind) return null;
  switch (kind.name) {
    case 'null_value':
      return null;
    case 'struct_value':
      return kind.value.kind === 'message'
        ? structToJson(kind.value.fields, options, `${path}.struct_value`)
        : null;
    case 'list_value':
      return kind.value.kind === 'message'
        ? kind.value.fields
            .filter((f) => f.name === 'values')
            .map((f) => structValue(f.value, options, `${path}.values`))
        : [];
    default:
      return scalarToJson(kind.name, kind.value, { ...options, enums: {} }, `${path}.${kind.name}`);
  }
}

function structToJson(
  fields: readonly PbField[],
  options: PbJsonOptions,
  path: string,
): { [key: string]: Json } {
  const out: { [key: string]: Json } = {};
  for (const entry of fields) {
    if (entry.name !== 'fields' || entry.value.kind !== 'message') continue;
    const key = entry.value.fields.find((f) => f.name === 'key')?.value;
    const value = entry.value.fields.find((f) => f.name === 'value')?.value;
    if (key?.kind !== 'string') continue;
    out[utf8.decode(key.bytes)] = value
      ? structValue(value, options, `${path}.${utf8.decode(key.bytes)}`)
      : null;
  }
  return out;
}

function scalarToJson(name: string, value: PbValue, options: PbJsonOptions, path: string): Json {
  switch (value.kind) {
    case 'number':
      return numberOf(value.text);
    case 'string':
      return options.bytes.has(name) ? bytesToBase64(value.bytes) : utf8.decode(value.bytes);
    case 'identifier': {
      if (value.name === 'true' || value.name === 'True' || value.name === 't') return true;
      if (value.name === 'false' || value.name === 'False' || value.name === 'f') return false;
      const known = options.enums[value.name];
      if (known !== undefined) return known;
      if (/^-?(inf|infinity|nan)$/i.test(value.name)) return value.name; // JSON has no Infinity/NaN; protobuf's mapping writes strings.
      options.warn?.(`${path}: enum ${value.name} has no known number; kept as its name`);
      return value.name;
    }
    case 'message':
      return messageToJson(value.fields, options, path);
  }
}

function fieldToJson(name: string, value: PbValue, options: PbJsonOptions, path: string): Json {
  if (value.kind === 'message' && options.structs.has(name)) return structToJson(value.fields, options, path);
  if (value.kind === 'message' && options.timestamps.has(name)) {
    const seconds = value.fields.find((f) => f.name === 'seconds')?.value;
    const nanos = value.fields.find((f) => f.name === 'nanos')?.value;
    return timestampToRfc3339(
      seconds?.kind === 'number' ? numberOf(seconds.text) : 0,
      nanos?.kind === 'number' ? numberOf(nanos.text) : 0,
    );
  }
  return scalarToJson(name, value, options, path);
}

/** A parsed message as JSON: repeated fields as arrays, in the order the text gives them. */
export function messageToJson(
  fields: readonly PbField[],
  options: PbJsonOptions,
  path = '',
): { [key: string]: Json } {
  const out: { [key: string]: Json } = {};
  const counts = new Map<string, number>();
  for (const field of fields) counts.set(field.name, (counts.get(field.name) ?? 0) + 1);
  for (const field of fields) {
    const fieldPath = path ? `${path}.${field.name}` : field.name;
    const json = fieldToJson(field.name, field.value, options, fieldPath);
    const repeated = options.repeated.has(field.name);
    if (!repeated && (counts.get(field.name) ?? 0) > 1 && !(field.name in out)) {
      options.warn?.(`${fieldPath} appears more than once but is not declared repeated; made an array`);
    }
    if (repeated || (counts.get(field.name) ?? 0) > 1) {
      const list = out[field.name];
      if (Array.isArray(list)) list.push(json);
      else out[field.name] = [json];
    } else {
      out[field.name] = json;
    }
  }
  return out;
}
