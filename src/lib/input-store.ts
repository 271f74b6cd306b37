/**
 * The inputs a person ran, kept in the browser (IndexedDB) so a reload or a shared compare link
 * does not lose an uploaded file, and the last few can be run again.
 *
 * Ids are content addresses (the first 16 hex characters of a SHA-256), so giving the same file
 * twice keeps one record, moved to the front. Blobs are stored as Blobs: Chromium keeps them on
 * disk and hands back a lazy handle, so listing twenty videos does not read them into memory.
 * Every failure (no IndexedDB in a private window, a full quota, a blocked upgrade) rejects with an
 * Error that says what happened; nothing here throws synchronously.
 */

export type StoredInputKind = 'image' | 'video' | 'audio' | 'text';

export interface StoredInput {
  id: string;
  createdAt: number;
  kind: StoredInputKind;
  name?: string;
  blob?: Blob;
  url?: string;
  text?: string;
  caption?: string;
}

export type NewStoredInput = Omit<StoredInput, 'id' | 'createdAt'>;

/** How many inputs are kept; the oldest beyond this are dropped on every put. */
export const MAX_STORED_INPUTS = 20;

const DB_NAME = 'workflow-lens';
const DB_VERSION = 1;
const STORE = 'inputs';
const BY_CREATED = 'createdAt';
const CHANNEL = 'workflow-lens:inputs';

// ---------------------------------------------------------------------------------------------
// Content ids

/** SHA-256 written out from FIPS 180-4, for pages served over plain http where `crypto.subtle` is absent. */
function sha256Fallback(bytes: Uint8Array): Uint8Array {
  const k = new Uint32Array(64);
  const h = new Uint32Array(8);
  // The round constants and initial hash: fractional parts of cube / square roots of the first primes.
  const primes: number[] = [];
  for (let n = 2; primes.length < 64; n++) {
    if (primes.every((p) => n % p !== 0)) primes.push(n);
  }
  const frac = (x: number) => ((x - Math.floor(x)) * 2 ** 32) >>> 0;
  primes.forEach((p, i) => {
    k[i] = frac(Math.cbrt(p));
    if (i < 8) h[i] = frac(Math.sqrt(p));
  });

  const bitLength = bytes.length * 8;
  const padded = new Uint8Array(((bytes.length + 9 + 63) >> 6) << 6);
  padded.set(bytes);
  padded[bytes.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(bitLength / 2 ** 32));
  view.setUint32(padded.length - 4, bitLength >>> 0);

  const w = new Uint32Array(64);
  const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));
  for (let offset = 0; offset < padded.length; offset += 64) {
    for (let t = 0; t < 16; t++) w[t] = view.getUint32(offset + t * 4);
    for (let t = 16; t < 64; t++) {
      const a = w[t - 15] ?? 0;
      const b = w[t - 2] ?? 0;
      const s0 = rotr(a, 7) ^ rotr(a, 18) ^ (a >>> 3);
      const s1 = rotr(b, 17) ^ rotr(b, 19) ^ (b >>> 10);
      w[t] = ((w[t - 16] ?? 0) + s0 + (w[t - 7] ?? 0) + s1) >>> 0;
    }
    let [a, b, c, d, e, f, g, hh] = [
      h[0] ?? 0,
      h[1] ?? 0,
      h[2] ?? 0,
      h[3] ?? 0,
      h[4] ?? 0,
      h[5] ?? 0,
      h[6] ?? 0,
      h[7] ?? 0,
    ];
    for (let t = 0; t < 64; t++) {
      const s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
      const ch = (e & f) ^ (~e & g);
      const t1 = (hh + s1 + ch + (k[t] ?? 0) + (w[t] ?? 0)) >>> 0;
      const s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
      const maj = (a & b) ^ (a & c) ^ (b & c);
      const t2 = (s0 + maj) >>> 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) >>> 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) >>> 0;
    }
    [a, b, c, d, e, f, g, hh].forEach((value, i) => {
      h[i] = ((h[i] ?? 0) + value) >>> 0;
    });
  }
  const out = new Uint8Array(32);
  const outView = new DataView(out.buffer);
  h.forEach((value, i) => outView.setUint32(i * 4, value));
  return out;
}

async function sha256(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  const subtle = globalThis.crypto?.subtle;
  if (subtle) {
    try {
      return new Uint8Array(await subtle.digest('SHA-256', bytes));
    } catch {
      // Fall through: some embedded browsers expose `subtle` but refuse it outside a secure context.
    }
  }
  return sha256Fallback(bytes);
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

async function contentBytes(input: NewStoredInput): Promise<Uint8Array<ArrayBuffer>> {
  const encoder = new TextEncoder();
  const main = input.blob
    ? new Uint8Array(await input.blob.arrayBuffer())
    : encoder.encode(input.url ?? input.text ?? '');
  // An image with a caption is a different input from the bare image: the caption rides along,
  // after a NUL no text or URL contains.
  if (!input.caption) return main;
  const caption = encoder.encode(`\0caption:${input.caption}`);
  const joined = new Uint8Array(main.length + caption.length);
  joined.set(main);
  joined.set(caption, main.length);
  return joined;
}

/** The content id of an input: SHA-256 hex of its bytes / url / text (+ caption), first 16 characters. */
export async function inputId(input: NewStoredInput): Promise<string> {
  return hex(await sha256(await contentBytes(input))).slice(0, 16);
}

// ---------------------------------------------------------------------------------------------
// Parsing what comes back out of the database

const KINDS: readonly string[] = ['image', 'video', 'audio', 'text'] satisfies StoredInputKind[];

function isKind(value: unknown): value is StoredInputKind {
  return typeof value === 'string' && KINDS.includes(value);
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A record as read from IndexedDB (another version of the app may have written it): checked, not cast. */
function parseRecord(value: unknown): StoredInput | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const id: unknown = Reflect.get(value, 'id');
  const createdAt: unknown = Reflect.get(value, 'createdAt');
  const kind: unknown = Reflect.get(value, 'kind');
  if (typeof id !== 'string' || typeof createdAt !== 'number' || !isKind(kind)) return undefined;
  const blob: unknown = Reflect.get(value, 'blob');
  const record: StoredInput = { id, createdAt, kind };
  const name = optionalString(Reflect.get(value, 'name'));
  const url = optionalString(Reflect.get(value, 'url'));
  const text = optionalString(Reflect.get(value, 'text'));
  const caption = optionalString(Reflect.get(value, 'caption'));
  if (name !== undefined) record.name = name;
  if (blob instanceof Blob) record.blob = blob;
  if (url !== undefined) record.url = url;
  if (text !== undefined) record.text = text;
  if (caption !== undefined) record.caption = caption;
  return record;
}

// ---------------------------------------------------------------------------------------------
// The database

/** What failed, in words a person can act on; the original error is kept as `cause`. */
function storeError(action: string, cause: unknown): Error {
  const name = cause instanceof DOMException || cause instanceof Error ? cause.name : '';
  const reason =
    name === 'QuotaExceededError'
      ? 'the browser’s storage for this site is full (free some space or clear this site’s data)'
      : name === 'InvalidStateError' || name === 'SecurityError'
        ? 'the browser does not allow storage here (a private window, or site data blocked)'
        : cause instanceof Error && cause.message
          ? cause.message
          : 'the browser’s storage failed';
  return new Error(`Could not ${action}: ${reason}.`, { cause });
}

let dbPromise: Promise<IDBDatabase> | undefined;

function openDb(): Promise<IDBDatabase> {
  if (dbPromise) return dbPromise;
  const opening = new Promise<IDBDatabase>((resolve, reject) => {
    const factory: IDBFactory | undefined = globalThis.indexedDB;
    if (!factory) {
      reject(
        new Error(
          'This browser keeps no inputs: IndexedDB is unavailable (a private window, or storage disabled).',
        ),
      );
      return;
    }
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(DB_NAME, DB_VERSION);
    } catch (error) {
      reject(storeError('open the input store', error));
      return;
    }
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(STORE)) {
        const store = db.createObjectStore(STORE, { keyPath: 'id' });
        store.createIndex(BY_CREATED, 'createdAt');
      }
    };
    request.onblocked = () =>
      reject(
        new Error(
          'Could not open the input store: another tab holds an older version open. Close it and retry.',
        ),
      );
    request.onerror = () => reject(storeError('open the input store', request.error));
    request.onsuccess = () => {
      const db = request.result;
      // A newer tab upgrading the schema: let it, and reopen next time.
      db.onversionchange = () => {
        db.close();
        dbPromise = undefined;
      };
      db.onclose = () => {
        dbPromise = undefined;
      };
      resolve(db);
    };
  });
  dbPromise = opening;
  // A failed open is not cached: storage may come back (quota freed, another tab closed).
  opening.catch(() => {
    if (dbPromise === opening) dbPromise = undefined;
  });
  return opening;
}

/** Runs `work` in one transaction and resolves with its result once the transaction commits. */
async function transact<T>(
  mode: IDBTransactionMode,
  action: string,
  work: (store: IDBObjectStore, done: (value: T) => void) => void,
): Promise<T> {
  const db = await openDb();
  return new Promise<T>((resolve, reject) => {
    let result: { value: T } | undefined;
    let tx: IDBTransaction;
    try {
      tx = db.transaction(STORE, mode);
    } catch (error) {
      dbPromise = undefined;
      reject(storeError(action, error));
      return;
    }
    tx.oncomplete = () => {
      if (result) resolve(result.value);
      else reject(new Error(`Could not ${action}: the transaction ended without an answer.`));
    };
    tx.onerror = () => reject(storeError(action, tx.error));
    tx.onabort = () => reject(storeError(action, tx.error));
    try {
      work(tx.objectStore(STORE), (value) => {
        result = { value };
      });
    } catch (error) {
      try {
        tx.abort();
      } catch {
        // Already finished: the rejection below says what went wrong.
      }
      reject(storeError(action, error));
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Change notifications

const listeners = new Set<() => void>();
let channel: BroadcastChannel | undefined;

function notify(broadcast: boolean) {
  for (const listener of [...listeners]) listener();
  if (broadcast) {
    try {
      channel?.postMessage('changed');
    } catch {
      // Another tab missing a refresh is not worth failing a put for.
    }
  }
}

/** Notifies on every change (same tab, and other tabs where BroadcastChannel exists), for a live "Recent inputs" list. */
export function subscribeInputs(listener: () => void): () => void {
  listeners.add(listener);
  if (!channel && typeof BroadcastChannel !== 'undefined') {
    channel = new BroadcastChannel(CHANNEL);
    channel.onmessage = () => notify(false);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && channel) {
      channel.close();
      channel = undefined;
    }
  };
}

// ---------------------------------------------------------------------------------------------
// The API

let lastCreatedAt = 0;

/** Strictly increasing within this tab, so "newest first" never ties on a fast double put. */
function nextCreatedAt(): number {
  lastCreatedAt = Math.max(Date.now(), lastCreatedAt + 1);
  return lastCreatedAt;
}

function validate(input: NewStoredInput) {
  if (!isKind(input.kind)) throw new Error(`Could not keep the input: unknown kind "${String(input.kind)}".`);
  if (!input.blob && input.url === undefined && input.text === undefined) {
    throw new Error('Could not keep the input: it has no file, URL or text.');
  }
}

/**
 * Keeps the input (content-addressed id: SHA-256 hex of the bytes / url / text, first 16 chars;
 * the same content is stored once, refreshed to newest) and trims the store to the newest 20.
 */
export async function putInput(input: NewStoredInput): Promise<StoredInput> {
  validate(input);
  const id = await inputId(input);
  // Only the fields given: IndexedDB would keep an explicit `undefined` as a property.
  const record: StoredInput = { id, createdAt: nextCreatedAt(), kind: input.kind };
  if (input.name !== undefined) record.name = input.name;
  if (input.blob !== undefined) record.blob = input.blob;
  if (input.url !== undefined) record.url = input.url;
  if (input.text !== undefined) record.text = input.text;
  if (input.caption !== undefined) record.caption = input.caption;
  await transact<void>('readwrite', 'keep the input', (store, done) => {
    store.put(record);
    // Oldest first; everything beyond the newest MAX_STORED_INPUTS goes. `count` runs after the put.
    const counting = store.count();
    counting.onsuccess = () => {
      let excess = counting.result - MAX_STORED_INPUTS;
      if (excess <= 0) {
        done();
        return;
      }
      const cursor = store.index(BY_CREATED).openCursor();
      cursor.onsuccess = () => {
        const at = cursor.result;
        if (!at || excess <= 0) {
          done();
          return;
        }
        if (at.primaryKey !== id) {
          at.delete();
          excess -= 1;
        }
        at.continue();
      };
    };
  });
  notify(true);
  return record;
}

export async function getInput(id: string): Promise<StoredInput | undefined> {
  return transact<StoredInput | undefined>('readonly', 'read the input', (store, done) => {
    const request = store.get(id);
    request.onsuccess = () => done(parseRecord(request.result));
  });
}

/** Newest first. */
export async function listInputs(): Promise<StoredInput[]> {
  return transact<StoredInput[]>('readonly', 'list the inputs', (store, done) => {
    const found: StoredInput[] = [];
    const cursor = store.index(BY_CREATED).openCursor(null, 'prev');
    cursor.onsuccess = () => {
      const at = cursor.result;
      if (!at) {
        done(found.slice(0, MAX_STORED_INPUTS));
        return;
      }
      const record = parseRecord(at.value);
      if (record) found.push(record);
      at.continue();
    };
  });
}

export async function deleteInput(id: string): Promise<void> {
  await transact<void>('readwrite', 'remove the input', (store, done) => {
    store.delete(id).onsuccess = () => done();
  });
  notify(true);
}
