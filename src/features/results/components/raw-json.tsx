/** The output exactly as the API sent it, minus the bulk of base64 blobs that would freeze the page. */
const MAX_STRING = 160;

export function toDisplayJson(value: unknown): string {
  return JSON.stringify(
    value,
    (_key, v: unknown) =>
      typeof v === 'string' && v.length > MAX_STRING ? `${v.slice(0, 60)}… (${v.length} characters)` : v,
    2,
  );
}

/**
 * A scrolling block: it takes focus so a keyboard can scroll it (WCAG 2.1.1), and is a named region so
 * that focus lands on something a screen reader can announce.
 */
export function RawJson({ id, value, name }: { id: string; value: unknown; name: string }) {
  return (
    <pre
      id={id}
      tabIndex={0}
      role="region"
      aria-label={`Raw JSON of ${name}`}
      className="max-h-96 overflow-auto rounded-lg bg-slate-900 p-3 text-xs leading-relaxed text-slate-100"
    >
      {toDisplayJson(value)}
    </pre>
  );
}
