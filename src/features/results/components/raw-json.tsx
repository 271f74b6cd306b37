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

export function RawJson({ id, value }: { id: string; value: unknown }) {
  return (
    <pre id={id} className="max-h-96 overflow-auto rounded-lg bg-slate-900 p-3 text-xs leading-relaxed text-slate-100">
      {toDisplayJson(value)}
    </pre>
  );
}
