import { describe, expect, it } from 'vitest';
import { fileKind, planFiles, planTexts } from '@/features/try-input/lib/batch';

const MB = 1024 * 1024;

/** A file of `size` bytes without allocating them. */
function file(name: string, type: string, size = 4): File {
  const f = new File([new Uint8Array(4)], name, { type });
  Object.defineProperty(f, 'size', { value: size });
  return f;
}

const png = (i = 1, size?: number) => file(`p${i}.png`, 'image/png', size);

describe('fileKind', () => {
  it('detects each file’s kind from its type', () => {
    expect(fileKind(png(), 'media')).toBe('image');
    expect(fileKind(file('a.mp4', 'video/mp4'), 'media')).toBe('video');
    expect(fileKind(file('a.mp3', 'audio/mpeg'), 'media')).toBe('audio');
    expect(fileKind(file('a.txt', 'text/plain'), 'media')).toBeUndefined();
    // Some systems give no type for .flac.
    expect(fileKind(file('a.flac', ''), 'media')).toBe('audio');
  });

  it('takes .webm and .ogg recordings as audio in the audio tab, whatever the system calls them', () => {
    expect(fileKind(file('a.webm', 'video/webm'), 'audio')).toBe('audio');
    expect(fileKind(file('a.ogg', 'application/ogg'), 'audio')).toBe('audio');
    expect(fileKind(file('a.wav', 'audio/x-wav'), 'audio')).toBe('audio');
    expect(fileKind(file('a.mp4', 'video/mp4'), 'audio')).toBeUndefined();
    expect(fileKind(png(), 'audio')).toBeUndefined();
  });
});

describe('planFiles', () => {
  it('makes one input per file, in order, each of its own kind', () => {
    const files = [png(1), file('b.wav', 'audio/wav'), png(2)];
    const plan = planFiles(files, { mode: 'media' });
    expect(plan).toEqual({
      ok: true,
      inputs: [
        { type: 'file', kind: 'image', file: files[0] },
        { type: 'file', kind: 'audio', file: files[1] },
        { type: 'file', kind: 'image', file: files[2] },
      ],
    });
  });

  it('takes 32 files and refuses 33 with a clear message', () => {
    expect(
      planFiles(
        Array.from({ length: 32 }, (_, i) => png(i)),
        { mode: 'media' },
      ).ok,
    ).toBe(true);
    expect(
      planFiles(
        Array.from({ length: 33 }, (_, i) => png(i)),
        { mode: 'media' },
      ),
    ).toEqual({
      ok: false,
      message: '33 files: a request takes at most 32 inputs; pick fewer.',
    });
  });

  it('names the files it cannot send', () => {
    expect(planFiles([file('notes.txt', 'text/plain')], { mode: 'media' })).toEqual({
      ok: false,
      message: '“notes.txt” is not an image, video or audio file.',
    });
    expect(planFiles([png(), file('a.txt', 'text/plain'), file('b.doc', '')], { mode: 'media' })).toEqual({
      ok: false,
      message: '“a.txt”, “b.doc” are not image, video or audio files. Leave them out and try again.',
    });
    expect(planFiles([png()], { mode: 'audio' })).toEqual({
      ok: false,
      message: '“p1.png” is not an audio file (WAV, MP3, OGG, FLAC or WEBM).',
    });
  });

  it('runs a video on its own', () => {
    const clip = file('clip.mp4', 'video/mp4');
    expect(planFiles([clip], { mode: 'media' }).ok).toBe(true);
    expect(planFiles([clip, png()], { mode: 'media' })).toEqual({
      ok: false,
      message: 'A video runs on its own: run “clip.mp4” by itself, then the rest.',
    });
    expect(planFiles([clip, file('b.mov', 'video/quicktime')], { mode: 'media' })).toMatchObject({
      message: '2 videos: a request takes one video; run them one at a time.',
    });
  });

  it('checks each file’s size, then the request’s', () => {
    expect(planFiles([png(1, 21 * MB)], { mode: 'media' })).toEqual({
      ok: false,
      message: 'Image over 20 MB (21 MB): resize it or give a URL.',
    });
    expect(planFiles([png(1), png(2, 21 * MB)], { mode: 'media' })).toMatchObject({
      message: '“p2.png”: Image over 20 MB (21 MB): resize it or give a URL.',
    });
    const sevenBig = Array.from({ length: 7 }, (_, i) => png(i, 19 * MB));
    expect(planFiles(sevenBig, { mode: 'media' })).toEqual({
      ok: false,
      message: 'The files add up to 133 MB: a request takes at most 128 MB; pick fewer or smaller files.',
    });
  });

  it('sends the caption with every image, as a multimodal input, and with nothing else', () => {
    const files = [png(), file('b.wav', 'audio/wav')];
    expect(planFiles(files, { mode: 'media', caption: '  a sunny day ' })).toEqual({
      ok: true,
      inputs: [
        { type: 'file', kind: 'image', file: files[0], caption: 'a sunny day' },
        { type: 'file', kind: 'audio', file: files[1] },
      ],
    });
  });
});

describe('planTexts', () => {
  it('sends the text as one input, or one per non-empty line', () => {
    expect(planTexts('Hello\nworld', { perLine: false })).toEqual({
      ok: true,
      inputs: [{ type: 'text', raw: 'Hello\nworld' }],
    });
    expect(planTexts(' Hello \n\n world\r\n', { perLine: true })).toEqual({
      ok: true,
      inputs: [
        { type: 'text', raw: 'Hello' },
        { type: 'text', raw: 'world' },
      ],
    });
  });

  it('refuses an empty text and more than 32 lines', () => {
    expect(planTexts('  \n ', { perLine: true })).toEqual({
      ok: false,
      message: 'Type or paste a text first.',
    });
    const lines = Array.from({ length: 40 }, (_, i) => `line ${i}`).join('\n');
    expect(planTexts(lines, { perLine: true })).toEqual({
      ok: false,
      message: '40 lines: a request takes at most 32 inputs; pick fewer.',
    });
    expect(planTexts(lines, { perLine: false }).ok).toBe(true);
  });
});
