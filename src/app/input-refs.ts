/**
 * How the input on screen survives a reload or travels in a link: a media URL is written into the
 * address as is; anything else (an uploaded file, a text, an image with its caption) is kept in
 * the browser's input store and the address names it `stored:<id>`. Resolving a reference gives
 * back the input spec to send and what the page shows for it. Used by a single run and by a
 * comparison alike.
 */
import type { GivenInput } from '@/lib/given-input';
import { mediaKindFromUrl, type MediaKind } from '@/lib/media';
import { getInput, putInput, type StoredInput } from '@/lib/input-store';
import { givenInput, type InputSpec } from '@/features/try-input/lib/inputs';

export interface ResolvedInput {
  spec: InputSpec;
  given: GivenInput;
}

export interface KeptInput {
  /** What goes into the address (`input=`). */
  ref: string;
  /** False when the browser would not keep it (no IndexedDB): a reload will not bring it back. */
  durable: boolean;
}

const STORED = 'stored:';
const MEMORY = 'memory:';

/** Inputs resolved in this page's life, by reference: their files and object URLs stay valid. */
const resolved = new Map<string, ResolvedInput>();
let memoryCount = 0;

function isMediaUrl(value: string): boolean {
  return /^https?:\/\//i.test(value);
}

function fileOf(stored: StoredInput): File | undefined {
  if (!stored.blob) return undefined;
  return new File([stored.blob], stored.name ?? `input-${stored.id}`, { type: stored.blob.type });
}

function mediaKind(kind: StoredInput['kind']): MediaKind | undefined {
  return kind === 'text' ? undefined : kind;
}

/** The spec and display of a stored input; undefined when the record is not something we can send. */
export function fromStored(stored: StoredInput): ResolvedInput | undefined {
  const kind = mediaKind(stored.kind);
  const caption = stored.caption || undefined;
  if (kind) {
    const file = fileOf(stored);
    if (file) {
      return {
        spec: { type: 'file', kind, file, ...(caption ? { caption } : {}) },
        given: {
          media: { kind, url: URL.createObjectURL(file), name: file.name },
          ...(caption ? { text: caption } : {}),
        },
      };
    }
    if (stored.url) {
      return {
        spec: { type: 'url', kind, url: stored.url, ...(caption ? { caption } : {}) },
        given: { media: { kind, url: stored.url }, ...(caption ? { text: caption } : {}) },
      };
    }
    return undefined;
  }
  if (stored.text !== undefined)
    return { spec: { type: 'text', raw: stored.text }, given: { text: stored.text } };
  if (stored.url) return { spec: { type: 'text-url', url: stored.url }, given: {} };
  return undefined;
}

function toStore(spec: InputSpec): Parameters<typeof putInput>[0] {
  switch (spec.type) {
    case 'file':
      return {
        kind: spec.kind,
        name: spec.file.name,
        blob: spec.file,
        ...(spec.caption ? { caption: spec.caption } : {}),
      };
    case 'url':
      return { kind: spec.kind, url: spec.url, ...(spec.caption ? { caption: spec.caption } : {}) };
    case 'text':
      return { kind: 'text', text: spec.raw };
    case 'text-url':
      return { kind: 'text', url: spec.url };
  }
}

/** What the page shows for a fresh input: a file's object URL (kept for this page's life). */
function display(spec: InputSpec): GivenInput {
  return givenInput(spec, (file) => URL.createObjectURL(file));
}

/** Keeps a freshly given input and returns its reference for the address. */
export async function keepInput(spec: InputSpec): Promise<KeptInput> {
  if (spec.type === 'url' && !spec.caption) {
    resolved.set(spec.url, { spec, given: display(spec) });
    // The address carries it by itself; the store lists it among the recent inputs.
    await putInput(toStore(spec)).catch(() => undefined);
    return { ref: spec.url, durable: true };
  }
  try {
    const stored = await putInput(toStore(spec));
    const ref = `${STORED}${stored.id}`;
    if (!resolved.has(ref)) resolved.set(ref, { spec, given: display(spec) });
    return { ref, durable: true };
  } catch {
    memoryCount += 1;
    const ref = `${MEMORY}${memoryCount}`;
    resolved.set(ref, { spec, given: display(spec) });
    return { ref, durable: false };
  }
}

/** The input a reference names: from this page's memory, the input store, or the URL itself. */
export async function resolveInput(ref: string): Promise<ResolvedInput> {
  const known = resolved.get(ref);
  if (known) return known;
  if (ref.startsWith(STORED)) {
    const stored = await getInput(ref.slice(STORED.length));
    const input = stored && fromStored(stored);
    if (!input) {
      throw new Error(
        'This input is no longer kept in this browser (it keeps the last 20). Give it again with the + button.',
      );
    }
    resolved.set(ref, input);
    return input;
  }
  if (isMediaUrl(ref)) {
    const kind = mediaKindFromUrl(ref);
    const input: ResolvedInput = {
      spec: { type: 'url', kind, url: ref },
      given: { media: { kind, url: ref } },
    };
    resolved.set(ref, input);
    return input;
  }
  if (ref.startsWith(MEMORY)) {
    throw new Error(
      'That input was only held by the page before the reload. Give it again with the + button.',
    );
  }
  throw new Error('The link names an input this page cannot read. Give one with the + button.');
}
