/**
 * Several texts through one apertium process. Starting apertium costs most of its 0.2-0.4 s, so a
 * batch of inputs is joined into one HTML document with `<hr>` between texts: HTML mode passes
 * tags through untouched and treats them as sentence boundaries, and the texts are escaped so none
 * can forge a separator. (Null-flush mode `-z` only works on a live stdin, which apertium cannot
 * open from a Node pipe.)
 */
const SEPARATOR = '<hr>';

export function joinTexts(texts: readonly string[]): string {
  return texts.map(escapeHtml).join(SEPARATOR);
}

/** The translated texts, or undefined when the separators did not survive one-to-one. */
export function splitTexts(translated: string, count: number): string[] | undefined {
  const parts = translated.split(SEPARATOR);
  if (parts.length !== count) return undefined;
  return parts.map((part) => unescapeHtml(part).trimEnd());
}

function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

function unescapeHtml(text: string): string {
  return text
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&amp;', '&');
}
