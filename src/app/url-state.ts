/**
 * The picked workflow and version live in the address (`?workflow=…&version=…`), so a reload or
 * a shared link opens the same view. Plain History API: one page needs no router.
 */
export interface Selection {
  workflow: string | undefined;
  version: string | undefined;
}

export function readSelection(search: string = window.location.search): Selection {
  const params = new URLSearchParams(search);
  return { workflow: params.get('workflow') ?? undefined, version: params.get('version') ?? undefined };
}

export function writeSelection(selection: Selection): void {
  const params = new URLSearchParams(window.location.search);
  for (const key of ['workflow', 'version'] as const) {
    const value = selection[key];
    if (value) params.set(key, value);
    else params.delete(key);
  }
  const query = params.toString();
  window.history.replaceState(null, '', `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`);
}
