import { describe, expect, it } from 'vitest';
import { MEDIA_LIMITS } from './limits';
import { decodedLength, formatOverLimit, readVideoSource } from './video-input';

describe('readVideoSource', () => {
  it('decodes uploaded bytes and keeps a URL as a URL', () => {
    const bytes = readVideoSource({ base64: Buffer.from('video!').toString('base64') }, MEDIA_LIMITS);
    expect(bytes.kind === 'bytes' && bytes.bytes.toString()).toBe('video!');
    const url = readVideoSource({ url: 'https://example.test/v.mp4' }, MEDIA_LIMITS);
    expect(url.kind === 'url' && url.url.href).toBe('https://example.test/v.mp4');
  });

  it('refuses bytes over the limit before decoding them, saying by how much and what to do', () => {
    const limits = { mediaBytes: 3 * 1024 * 1024 };
    const over = Buffer.alloc(3 * 1024 * 1024 + 2).toString('base64');
    expect(() => readVideoSource({ base64: over }, limits)).toThrow(
      'video is 3 MB + 2 bytes, over the 3 MB limit for uploaded bytes: trim it or give a URL',
    );
    const wayOver = Buffer.alloc(5 * 1024 * 1024).toString('base64');
    expect(() => readVideoSource({ base64: wayOver }, limits)).toThrow('video is 5 MB, over the 3 MB limit');
    expect(() =>
      readVideoSource({ base64: Buffer.alloc(3 * 1024 * 1024).toString('base64') }, limits),
    ).not.toThrow();
  });

  it('answers 30104 for a video with neither', () => {
    expect(() => readVideoSource({}, MEDIA_LIMITS)).toThrow(expect.objectContaining({ code: 30104 }));
  });
});

describe('decodedLength', () => {
  it('counts the bytes base64 text stands for, with or without padding and line breaks', () => {
    for (const size of [0, 1, 2, 3, 4, 5, 100]) {
      const encoded = Buffer.alloc(size, 7).toString('base64');
      expect(decodedLength(encoded)).toBe(size);
      expect(decodedLength(encoded.replace(/=+$/, ''))).toBe(size);
      expect(decodedLength(encoded.replace(/(.{4})/g, '$1\n'))).toBe(size);
    }
  });
});

describe('formatOverLimit', () => {
  it('is precise only where rounding would hide the difference', () => {
    expect(formatOverLimit(128 * 1024 * 1024 + 1, 128 * 1024 * 1024)).toBe('128 MB + 1 byte');
    expect(formatOverLimit(200 * 1024 * 1024, 128 * 1024 * 1024)).toBe('200 MB');
  });
});
