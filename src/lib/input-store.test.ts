// @vitest-environment node
// Node's Blob survives fake-indexeddb's structured clone; jsdom's does not (it comes back a plain object).
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as InputStore from './input-store';

let store: typeof InputStore;

beforeEach(async () => {
  // A fresh database and a fresh module (its cached connection) per test.
  vi.stubGlobal('indexedDB', new IDBFactory());
  vi.resetModules();
  store = await import('./input-store');
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

// The platform's SHA-256, held before any test stubs `crypto` away.
const subtle = globalThis.crypto.subtle;
async function sha16(data: string | Uint8Array<ArrayBuffer>) {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  const digest = new Uint8Array(await subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0'))
    .join('')
    .slice(0, 16);
}

describe('input store', () => {
  it('keeps a file and gives it back by its content id', async () => {
    const bytes = new Uint8Array([137, 80, 78, 71, 1, 2, 3]);
    const kept = await store.putInput({
      kind: 'image',
      name: 'sign.png',
      blob: new Blob([bytes], { type: 'image/png' }),
    });
    expect(kept.id).toBe(await sha16(bytes));

    const back = await store.getInput(kept.id);
    expect(back).toMatchObject({ id: kept.id, kind: 'image', name: 'sign.png', createdAt: kept.createdAt });
    expect(back?.blob?.type).toBe('image/png');
    expect(new Uint8Array(await back!.blob!.arrayBuffer())).toEqual(bytes);
  });

  it('addresses texts and URLs by their content, and a caption makes a different input', async () => {
    const text = await store.putInput({ kind: 'text', text: 'I love this' });
    const url = await store.putInput({ kind: 'video', url: 'https://example.com/a.mp4' });
    const captioned = await store.putInput({
      kind: 'video',
      url: 'https://example.com/a.mp4',
      caption: 'a dog',
    });
    expect(text.id).toBe(await sha16('I love this'));
    expect(url.id).toBe(await sha16('https://example.com/a.mp4'));
    expect(captioned.id).not.toBe(url.id);
    expect(await store.getInput(captioned.id)).toMatchObject({
      caption: 'a dog',
      url: 'https://example.com/a.mp4',
    });
  });

  it('answers undefined for an id it does not hold', async () => {
    expect(await store.getInput('0123456789abcdef')).toBeUndefined();
  });

  it('lists newest first, and the same content is kept once, moved to the front', async () => {
    const a = await store.putInput({ kind: 'text', text: 'a' });
    const b = await store.putInput({ kind: 'text', text: 'b' });
    expect((await store.listInputs()).map((i) => i.text)).toEqual(['b', 'a']);

    const again = await store.putInput({ kind: 'text', text: 'a' });
    expect(again.id).toBe(a.id);
    expect(again.createdAt).toBeGreaterThan(b.createdAt);
    const list = await store.listInputs();
    expect(list.map((i) => i.text)).toEqual(['a', 'b']);
    expect(list).toHaveLength(2);
  });

  it('keeps only the newest 20', async () => {
    for (let i = 0; i < 25; i++) await store.putInput({ kind: 'text', text: `input ${i}` });
    const list = await store.listInputs();
    expect(list).toHaveLength(20);
    expect(list[0]?.text).toBe('input 24');
    expect(list[19]?.text).toBe('input 5');
    expect(await store.getInput(await sha16('input 4'))).toBeUndefined();
    expect(await store.getInput(await sha16('input 5'))).toBeDefined();
  });

  it('refreshing an old input at the limit keeps it and drops the oldest other one', async () => {
    for (let i = 0; i < 20; i++) await store.putInput({ kind: 'text', text: `input ${i}` });
    await store.putInput({ kind: 'text', text: 'input 0' });
    const texts = (await store.listInputs()).map((i) => i.text);
    expect(texts).toHaveLength(20);
    expect(texts[0]).toBe('input 0');
    expect(texts).toContain('input 1');
  });

  it('removes an input', async () => {
    const a = await store.putInput({ kind: 'text', text: 'a' });
    await store.deleteInput(a.id);
    expect(await store.getInput(a.id)).toBeUndefined();
    expect(await store.listInputs()).toEqual([]);
  });

  it('notifies subscribers on every put and delete until they unsubscribe', async () => {
    const listener = vi.fn();
    const unsubscribe = store.subscribeInputs(listener);
    const a = await store.putInput({ kind: 'text', text: 'a' });
    expect(listener).toHaveBeenCalledTimes(1);
    await store.deleteInput(a.id);
    expect(listener).toHaveBeenCalledTimes(2);
    unsubscribe();
    await store.putInput({ kind: 'text', text: 'b' });
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('refuses an input with nothing in it', async () => {
    await expect(store.putInput({ kind: 'image' })).rejects.toThrow('it has no file, URL or text');
  });

  it('rejects with a clear error when IndexedDB is unavailable', async () => {
    vi.stubGlobal('indexedDB', undefined);
    vi.resetModules();
    const bare: typeof InputStore = await import('./input-store');
    await expect(bare.putInput({ kind: 'text', text: 'a' })).rejects.toThrow(/IndexedDB is unavailable/);
    await expect(bare.listInputs()).rejects.toThrow(/IndexedDB is unavailable/);
    await expect(bare.getInput('x')).rejects.toThrow(/IndexedDB is unavailable/);
  });

  it('rejects with a clear error when the quota is full, and works again afterwards', async () => {
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('quota', 'QuotaExceededError');
    });
    await expect(store.putInput({ kind: 'text', text: 'a' })).rejects.toThrow(
      /storage for this site is full/,
    );
    put.mockRestore();
    await expect(store.putInput({ kind: 'text', text: 'a' })).resolves.toMatchObject({ text: 'a' });
  });

  it('rejects with a clear error when the database will not open', async () => {
    vi.spyOn(IDBFactory.prototype, 'open').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    await expect(store.listInputs()).rejects.toThrow(/does not allow storage here/);
  });

  it('computes the same SHA-256 without crypto.subtle (plain-http pages)', async () => {
    vi.stubGlobal('crypto', {});
    const bytes = new Uint8Array(200).map((_, i) => (i * 7) % 256);
    expect(await store.inputId({ kind: 'image', blob: new Blob([bytes]) })).toBe(await sha16(bytes));
    expect(await store.inputId({ kind: 'text', text: '' })).toBe('e3b0c44298fc1c14');
    expect(await store.inputId({ kind: 'text', text: 'abc' })).toBe('ba7816bf8f01cfea');
    expect(await store.inputId({ kind: 'text', text: 'x'.repeat(55) })).toBe(await sha16('x'.repeat(55)));
    expect(await store.inputId({ kind: 'text', text: 'x'.repeat(64) })).toBe(await sha16('x'.repeat(64)));
  });
});
