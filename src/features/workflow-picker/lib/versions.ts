import type { WorkflowVersion } from '@contract/clarifai';

/**
 * Versions newest first. The API already answers in that order; sorting again by `created_at`
 * guards against a server that does not, and keeps the API's order among undated versions.
 */
export function newestFirst(versions: readonly WorkflowVersion[]): WorkflowVersion[] {
  const time = (version: WorkflowVersion) => {
    const t = version.created_at ? Date.parse(version.created_at) : Number.NaN;
    return Number.isNaN(t) ? undefined : t;
  };
  return versions
    .map((version, index) => ({ version, index, t: time(version) }))
    .sort((a, b) => {
      if (a.t !== undefined && b.t !== undefined && a.t !== b.t) return b.t - a.t;
      return a.index - b.index;
    })
    .map(({ version }) => version);
}
