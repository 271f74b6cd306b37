import { describe, expect, it } from 'vitest';
import { inputStatus, summarizeInput, urlName } from '@/features/results/lib/input-summary';

const OK = { code: 10000, description: 'Ok' };

describe('summarizeInput', () => {
  it('names a file by its name, with a thumbnail for an image and its caption', () => {
    expect(
      summarizeInput(
        { kind: 'image', url: 'blob:x/1', name: 'cat.png' },
        undefined,
        'A cat on a mat in the sun, asleep',
      ),
    ).toEqual({
      kind: 'image',
      label: 'cat.png',
      thumbnail: 'blob:x/1',
      caption: 'A cat on a mat in…',
    });
    expect(summarizeInput({ kind: 'audio', url: 'blob:x/2', name: 'talk.wav' }, undefined)).toEqual({
      kind: 'audio',
      label: 'talk.wav',
    });
  });

  it('names a URL by its file name', () => {
    expect(
      summarizeInput({ kind: 'image', url: 'https://samples.clarifai.com/metro%20north.jpg?x=1' }, undefined),
    ).toMatchObject({
      label: 'metro north.jpg',
    });
    expect(urlName('https://example.com/')).toBe('example.com');
    expect(urlName('data:image/png;base64,AAAA')).toBe('');
  });

  it('shows a text by its first words, from the echo or from what was given', () => {
    const input = {
      id: 'a',
      data: { text: { raw: 'The quick brown fox jumps over the lazy dog again and again' } },
    };
    expect(summarizeInput(undefined, input)).toEqual({
      kind: 'text',
      label: 'The quick brown fox jumps over the lazy…',
    });
    expect(summarizeInput(undefined, { data: {} }, 'hello there')).toEqual({
      kind: 'text',
      label: 'hello there',
    });
    expect(summarizeInput(undefined, { data: { text: { url: 'https://x.org/a/notes.txt' } } })).toEqual({
      kind: 'text',
      label: 'notes.txt',
    });
  });

  it('falls back to the kind, then the id', () => {
    expect(summarizeInput(undefined, { data: { audio: { base64: 'dHJ1ZQ==' } } })).toEqual({
      kind: 'audio',
      label: 'Audio',
    });
    expect(summarizeInput(undefined, { id: 'in-7', data: {} })).toEqual({ kind: 'unknown', label: 'in-7' });
  });
});

describe('inputStatus', () => {
  it('is the input’s own status, or the first failed output’s for a model answer', () => {
    const failed = { code: 30300, description: 'Input could not be decoded' };
    expect(inputStatus({ key: 'a', index: 0, input: undefined, status: failed, outputs: [] })).toBe(failed);
    const broken = { code: 21313, description: 'Model prediction failed' };
    expect(
      inputStatus({
        key: 'a',
        index: 0,
        input: undefined,
        status: undefined,
        outputs: [{ status: OK }, { status: broken }],
      }),
    ).toBe(broken);
    expect(
      inputStatus({ key: 'a', index: 0, input: undefined, status: undefined, outputs: [{ status: OK }] }),
    ).toBe(OK);
    expect(
      inputStatus({ key: 'a', index: 0, input: undefined, status: undefined, outputs: [] }),
    ).toBeUndefined();
  });
});
