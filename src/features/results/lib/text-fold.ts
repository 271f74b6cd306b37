/**
 * Where a long text folds: after about `maxLines` lines as they will wrap, counting a line longer
 * than `lineChars` as several, and cutting at a word. Pure, so the fold point is tested, not
 * measured in a layout jsdom does not have.
 */
export interface Fold {
  /** The part shown while folded (the whole text when nothing is hidden). */
  head: string;
  folded: boolean;
}

function cutAtWord(line: string, chars: number): string {
  if (line.length <= chars) return line;
  const space = line.lastIndexOf(' ', chars);
  // A word of more than 40% of the room (a URL, a base64 run) is cut where the room ends.
  return line.slice(0, space > chars * 0.6 ? space : chars).trimEnd();
}

export function foldText(
  text: string,
  { maxLines = 12, lineChars = 100 }: { maxLines?: number; lineChars?: number } = {},
): Fold {
  const lines = text.split('\n');
  const head: string[] = [];
  let budget = maxLines;
  for (const [i, line] of lines.entries()) {
    const rows = Math.max(1, Math.ceil(line.length / lineChars));
    if (rows <= budget) {
      head.push(line);
      budget -= rows;
      continue;
    }
    // Whatever does not fit is hidden, unless it is only blank lines.
    if (lines.slice(i).every((rest) => rest.trim() === '')) break;
    if (budget > 0) head.push(cutAtWord(line, budget * lineChars));
    return { head: head.join('\n').trimEnd(), folded: true };
  }
  return { head: text, folded: false };
}

/** The first words of a text, on one line: for lists and summaries. */
export function firstWords(
  text: string,
  { words = 8, chars = 60 }: { words?: number; chars?: number } = {},
): string {
  const all = text.trim().split(/\s+/).filter(Boolean);
  let out = all.slice(0, words).join(' ');
  let cut = all.length > words;
  if (out.length > chars) {
    out = cutAtWord(out, chars);
    cut = true;
  }
  return cut ? `${out}…` : out;
}
