/** Display formats shared by the picker and the results (ids, dates, durations, scores). */

export function shortId(id: string, length = 8): string {
  return id.length > length ? id.slice(0, length) : id;
}

const dateFormat = new Intl.DateTimeFormat('en', {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: 'UTC',
});

/** RFC 3339 → "Jul 10, 2017, 01:45 UTC"; anything unparsable is shown as it came. */
export function formatDate(value: string | undefined): string {
  if (!value) return 'no date';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : `${dateFormat.format(date)} UTC`;
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

export function formatScore(value: number | undefined): string {
  if (value === undefined) return '';
  const percent = value * 100;
  if (percent > 0 && percent < 0.1) return '<0.1%';
  return `${percent.toFixed(1)}%`;
}

export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms % 1000 === 0 ? 0 : 1)} s`;
}
