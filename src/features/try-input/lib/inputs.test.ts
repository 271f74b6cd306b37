import { describe, expect, it } from 'vitest';
import { givenInput, inputData, readInputs, type InputSpec } from '@/features/try-input/lib/inputs';

const bytes = (name: string, type: string, values: number[]) =>
  new File([new Uint8Array(values)], name, { type });

describe('inputData', () => {
  it('puts each kind in its field, and a caption beside an image as text', () => {
    const png = bytes('a.png', 'image/png', [1]);
    expect(inputData({ type: 'file', kind: 'image', file: png }, 'AQ==')).toEqual({
      image: { base64: 'AQ==' },
    });
    expect(inputData({ type: 'file', kind: 'image', file: png, caption: 'hi' }, 'AQ==')).toEqual({
      image: { base64: 'AQ==' },
      text: { raw: 'hi' },
    });
    expect(inputData({ type: 'url', kind: 'audio', url: 'https://x/a.mp3' })).toEqual({
      audio: { url: 'https://x/a.mp3' },
    });
    expect(inputData({ type: 'text', raw: 'hello' })).toEqual({ text: { raw: 'hello' } });
    expect(inputData({ type: 'text-url', url: 'https://x/a.txt' })).toEqual({
      text: { url: 'https://x/a.txt' },
    });
  });
});

describe('readInputs', () => {
  it('reads every file as base64, keeps the order, and reports the share of bytes read', async () => {
    const specs: InputSpec[] = [
      { type: 'file', kind: 'image', file: bytes('a.png', 'image/png', [137, 80, 78, 71]) },
      { type: 'text', raw: 'between' },
      { type: 'file', kind: 'audio', file: bytes('b.wav', 'audio/wav', [0, 0, 0, 24]) },
    ];
    const seen: number[] = [];
    const inputs = await readInputs(specs, (fraction) => seen.push(fraction));
    expect(inputs).toEqual([
      { data: { image: { base64: 'iVBORw==' } } },
      { data: { text: { raw: 'between' } } },
      { data: { audio: { base64: 'AAAAGA==' } } },
    ]);
    expect(seen.at(-1)).toBe(1);
    expect(seen).toContain(0.5);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });
});

describe('givenInput', () => {
  it('keeps what the results show: an object URL and name for a file, the words of a text', () => {
    const wav = bytes('talk.wav', 'audio/wav', [1]);
    expect(givenInput({ type: 'file', kind: 'audio', file: wav }, () => 'blob:t/1')).toEqual({
      media: { kind: 'audio', url: 'blob:t/1', name: 'talk.wav' },
    });
    expect(
      givenInput({ type: 'url', kind: 'image', url: 'https://x/a.jpg', caption: 'c' }, () => 'unused'),
    ).toEqual({
      media: { kind: 'image', url: 'https://x/a.jpg' },
      text: 'c',
    });
    expect(givenInput({ type: 'text', raw: 'hello' }, () => 'unused')).toEqual({ text: 'hello' });
  });
});
