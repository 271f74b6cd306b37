/**
 * What the screen shows lives in the address, so a reload or a shared link opens the same view:
 * the workflow and version, and for a comparison the two versions, the view mode, the threshold,
 * the video frame and the input (a URL, or an upload kept in the browser's input store). Plain
 * History API: one page needs no router. Values are read leniently: a malformed parameter is
 * ignored, never an error.
 */
export interface Selection {
  workflow: string | undefined;
  version: string | undefined;
}

const KEYS = [
  'workflow',
  'version',
  'node',
  'compare',
  'a',
  'b',
  'view',
  'threshold',
  'frame',
  'input',
  'sample',
] as const;
export type UrlKey = (typeof KEYS)[number];
export type UrlPatch = Partial<Record<UrlKey, string | number | undefined>>;

export function readUrl(search: string = window.location.search): Partial<Record<UrlKey, string>> {
  const params = new URLSearchParams(search);
  const out: Partial<Record<UrlKey, string>> = {};
  for (const key of KEYS) {
    const value = params.get(key);
    if (value !== null && value !== '') out[key] = value;
  }
  return out;
}

/** Sets (or, for `undefined`, removes) parameters, keeping the others; replaces the history entry. */
export function writeUrl(patch: UrlPatch): void {
  const params = new URLSearchParams(window.location.search);
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined || value === '') params.delete(key);
    else params.set(key, String(value));
  }
  const query = params.toString();
  const next = `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`;
  if (next !== `${window.location.pathname}${window.location.search}${window.location.hash}`) {
    window.history.replaceState(null, '', next);
  }
}

export function readSelection(search: string = window.location.search): Selection {
  const url = readUrl(search);
  return { workflow: url.workflow, version: url.version };
}

export function writeSelection(selection: Selection): void {
  writeUrl({ workflow: selection.workflow, version: selection.version });
}

/** A number parameter within [min, max], else undefined. */
export function numberParam(value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  return Number.isFinite(number) && number >= min && number <= max ? number : undefined;
}
