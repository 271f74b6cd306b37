import { describe, expect, it } from 'vitest';
import { messageToJson, parsePbtxt, PbtxtError, timestampToRfc3339, type PbJsonOptions } from '@/lib/pbtxt';

const options = (warnings: string[] = []): PbJsonOptions => ({
  repeated: new Set(['regions', 'concepts', 'vector', 'fields']),
  bytes: new Set(['base64']),
  enums: { SUCCESS: 10000, PUBLIC: 50 },
  structs: new Set(['metadata']),
  timestamps: new Set(['created_at']),
  warn: (message) => warnings.push(message),
});

const toJson = (text: string, warnings?: string[]) =>
  messageToJson(parsePbtxt(text).fields, options(warnings));

describe('protobuf text → JSON', () => {
  it('reads messages, scalars and enum names, and makes declared repeated fields arrays', () => {
    const json = toJson(`
      status { code: SUCCESS description: "Ok" }
      data {
        concepts { id: "a" value: 0.5 }
        regions { region_info { bounding_box { top_row: 0.1 right_col: 1 } } }
      }
      visible: true
    `);
    expect(json).toEqual({
      status: { code: 10000, description: 'Ok' },
      data: {
        concepts: [{ id: 'a', value: 0.5 }],
        regions: [{ region_info: { bounding_box: { top_row: 0.1, right_col: 1 } } }],
      },
      visible: true,
    });
  });

  it('collects repeated scalars in order, in both notations, with exponents', () => {
    expect(toJson('vector: 1 vector: -2.5e-3 vector: [3, 4.0]')).toEqual({ vector: [1, -0.0025, 3, 4] });
  });

  it('decodes string escapes to UTF-8 text, and bytes fields to base64', () => {
    const json = toJson(
      String.raw`raw: "It\'s \"ok\"\n\303\251t\303\251 \u00e9" base64: "\377\330\377\340\000\020JFIF"`,
    );
    expect(json.raw).toBe('It\'s "ok"\nété é');
    expect(json.base64).toBe(
      btoa(String.fromCharCode(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46)),
    );
  });

  it('turns Timestamps into RFC 3339 and Structs into plain objects', () => {
    const json = toJson(`
      created_at { seconds: 1700656970 nanos: 361613613 }
      metadata { fields { key: "logs" value { string_value: "https://x" } } fields { key: "n" value { number_value: 2 } } }
    `);
    expect(json).toEqual({
      created_at: '2023-11-22T12:42:50.361613613Z',
      metadata: { logs: 'https://x', n: 2 },
    });
  });

  it('cuts out and reports elision notes, inside strings and on their own lines', () => {
    const parsed = parsePbtxt(`
      vector: 1
      [... ELIDED: entries 2..9 omitted ...]
      vector: 10
      base64: "\\377[... ELIDED: the rest of the blob ...]\\331"
    `);
    expect(parsed.elisions).toEqual(['ELIDED: entries 2..9 omitted', 'ELIDED: the rest of the blob']);
    expect(messageToJson(parsed.fields, options())).toEqual({ vector: [1, 10], base64: btoa('\xff\xd9') });
  });

  it('warns about a repeat it was not told of, and an unknown enum name, but keeps both', () => {
    const warnings: string[] = [];
    expect(toJson('tag: "a" tag: "b" level: HIGH', warnings)).toEqual({ tag: ['a', 'b'], level: 'HIGH' });
    expect(warnings).toEqual([
      expect.stringContaining('tag appears more than once'),
      expect.stringContaining('enum HIGH'),
    ]);
  });

  it('accepts comments, separators and angle brackets', () => {
    expect(toJson('# a comment\nstatus < code: 10000; description: "Ok", >')).toEqual({
      status: { code: 10000, description: 'Ok' },
    });
  });

  it('rejects what is not protobuf text, with the line', () => {
    expect(() => parsePbtxt('Predicted concepts for the model `general`')).toThrow(PbtxtError);
    expect(() => parsePbtxt('status {\n code: 1\n')).toThrow(/line 2: missing "}"/);
    expect(() => parsePbtxt('raw: "open')).toThrow(/unterminated string/);
  });
});

describe('timestampToRfc3339', () => {
  it('writes 0, 3, 6 or 9 fraction digits, as protobuf’s JSON does', () => {
    expect(timestampToRfc3339(0, 0)).toBe('1970-01-01T00:00:00Z');
    expect(timestampToRfc3339(0, 500_000_000)).toBe('1970-01-01T00:00:00.500Z');
    expect(timestampToRfc3339(0, 453_038_000)).toBe('1970-01-01T00:00:00.453038Z');
  });
});
