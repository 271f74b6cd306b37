/**
 * Splits a status's details into plain text and code: `backticked` commands and environment
 * variable names (LLM_BASE_URL), so "how to set it up" reads as something to type.
 */
export interface Span {
  text: string;
  code: boolean;
}

const CODE = /`([^`]+)`|\b([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\b/g;

export function codeSpans(text: string): Span[] {
  const spans: Span[] = [];
  let last = 0;
  for (const match of text.matchAll(CODE)) {
    const start = match.index;
    if (start > last) spans.push({ text: text.slice(last, start), code: false });
    spans.push({ text: match[1] ?? match[2] ?? match[0], code: true });
    last = start + match[0].length;
  }
  if (last < text.length) spans.push({ text: text.slice(last), code: false });
  return spans;
}
