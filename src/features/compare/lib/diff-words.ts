/**
 * Word-level diff of two texts (OCR, translation, transcript, summary), as runs the UI renders
 * inline: `equal` text as is, `delete` struck out, `insert` highlighted. Concatenating the
 * equal+delete runs gives A back exactly, equal+insert runs give B: whitespace, punctuation and
 * line breaks are tokens of their own, so nothing is lost and lines stay lines.
 *
 * Tokens: a word (letters, digits, marks, with inner apostrophes or hyphens: "don't",
 * "state-of-the-art"), one CJK character, a line break, a run of other whitespace, or one other
 * character. The diff is Myers' O(ND) algorithm on interned tokens after trimming the common
 * prefix and suffix, so texts that differ a little diff fast however long they are. Two long texts
 * that differ everywhere would make Myers quadratic; past a work budget the middle is diffed line
 * by line instead (each pair of changed lines word by word, within the same budget), and what is
 * still too different is shown as one deletion and one insertion.
 */

export type DiffOp = 'equal' | 'insert' | 'delete';

export interface DiffRun {
  op: DiffOp;
  text: string;
}

export interface WordDiff {
  runs: DiffRun[];
  /** Word tokens (not whitespace or punctuation) in each kind of run. */
  stats: { equal: number; inserted: number; deleted: number };
  changed: boolean;
}

const TOKEN =
  /\r\n|\n|\r|[^\S\r\n]+|[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]|[\p{L}\p{N}\p{M}]+(?:['’\-_.][\p{L}\p{N}\p{M}]+)*|[\s\S]/gu;
const WORD = /^[\p{L}\p{N}\p{M}]/u;

/** Splits a text into tokens whose concatenation is the text. */
export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

function isWord(token: string): boolean {
  return WORD.test(token);
}

/** Default work budget (inner-loop steps) per Myers run: tens of milliseconds. */
const DEFAULT_BUDGET = 2_000_000;

type Edit = { op: DiffOp; a: number; b: number };

/**
 * Myers' shortest edit script between a and b (token ids), as per-token edits in order; null if
 * it needs more than `budget` steps. Keeps, per edit distance d, only the 2d+1 diagonals reached.
 */
function myers(a: Int32Array, b: Int32Array, budget: number): Edit[] | null {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let work = 0;
  let found = -1;
  for (let d = 0; d <= max && found < 0; d += 1) {
    trace.push(v.slice(offset - d, offset + d + 1));
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && (v[offset + k - 1] ?? 0) < (v[offset + k + 1] ?? 0))
          ? (v[offset + k + 1] ?? 0)
          : (v[offset + k - 1] ?? 0) + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x += 1;
        y += 1;
        work += 1;
      }
      v[offset + k] = x;
      work += 1;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
    if (work > budget && found < 0) return null;
  }
  // Walk back from (n, m) through the saved frontiers.
  const edits: Edit[] = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d -= 1) {
    const frontier = trace[d];
    if (!frontier) break;
    const at = (k: number) => frontier[k + d] ?? 0;
    const k = x - y;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x -= 1;
      y -= 1;
      edits.push({ op: 'equal', a: x, b: y });
    }
    if (x === prevX) {
      y -= 1;
      edits.push({ op: 'insert', a: x, b: y });
    } else {
      x -= 1;
      edits.push({ op: 'delete', a: x, b: y });
    }
  }
  while (x > 0 && y > 0) {
    x -= 1;
    y -= 1;
    edits.push({ op: 'equal', a: x, b: y });
  }
  return edits.reverse();
}

/** Appends a run, merging with the previous one of the same kind. */
function push(runs: DiffRun[], op: DiffOp, text: string): void {
  if (text === '') return;
  const last = runs[runs.length - 1];
  if (last && last.op === op) last.text += text;
  else runs.push({ op, text });
}

/**
 * Per-token edits as runs, with each block of changes written deletions first, then insertions
 * (reads as "old → new").
 */
function editsToRuns(
  edits: readonly Edit[],
  tokensA: readonly string[],
  tokensB: readonly string[],
  runs: DiffRun[],
): void {
  let deleted = '';
  let inserted = '';
  const flush = () => {
    push(runs, 'delete', deleted);
    push(runs, 'insert', inserted);
    deleted = '';
    inserted = '';
  };
  for (const edit of edits) {
    if (edit.op === 'equal') {
      flush();
      push(runs, 'equal', tokensA[edit.a] ?? '');
    } else if (edit.op === 'delete') deleted += tokensA[edit.a] ?? '';
    else inserted += tokensB[edit.b] ?? '';
  }
  flush();
}

function intern(tokensA: readonly string[], tokensB: readonly string[]): [Int32Array, Int32Array] {
  const ids = new Map<string, number>();
  const idOf = (token: string) => {
    let id = ids.get(token);
    if (id === undefined) {
      id = ids.size;
      ids.set(token, id);
    }
    return id;
  };
  return [Int32Array.from(tokensA, idOf), Int32Array.from(tokensB, idOf)];
}

/** Diffs two token lists into `runs`; null (and nothing written) when over budget. */
function diffTokens(
  tokensA: readonly string[],
  tokensB: readonly string[],
  budget: number,
): DiffRun[] | null {
  const [a, b] = intern(tokensA, tokensB);
  const edits = myers(a, b, budget);
  if (!edits) return null;
  const runs: DiffRun[] = [];
  editsToRuns(edits, tokensA, tokensB, runs);
  return runs;
}

/** Lines with their line break attached, so they concatenate back to the text. */
function splitLines(tokens: readonly string[]): string[][] {
  const lines: string[][] = [[]];
  for (const token of tokens) {
    lines[lines.length - 1]?.push(token);
    if (token === '\n' || token === '\r\n' || token === '\r') lines.push([]);
  }
  if (lines[lines.length - 1]?.length === 0) lines.pop();
  return lines;
}

/** The fallback for very different texts: lines first, then words inside each changed block. */
function diffByLines(
  tokensA: readonly string[],
  tokensB: readonly string[],
  budget: number,
  runs: DiffRun[],
): void {
  const linesA = splitLines(tokensA);
  const linesB = splitLines(tokensB);
  const textA = linesA.map((line) => line.join(''));
  const textB = linesB.map((line) => line.join(''));
  const [a, b] = intern(textA, textB);
  const edits = myers(a, b, budget);
  if (!edits || (linesA.length <= 1 && linesB.length <= 1)) {
    push(runs, 'delete', tokensA.join(''));
    push(runs, 'insert', tokensB.join(''));
    return;
  }
  let blockA: string[] = [];
  let blockB: string[] = [];
  const flush = () => {
    // A block that is the whole middle already failed word by word: do not try it twice.
    const whole = blockA.length === tokensA.length && blockB.length === tokensB.length;
    if (blockA.length > 0 && blockB.length > 0 && !whole) {
      const inner = diffTokens(blockA, blockB, budget);
      if (inner) for (const run of inner) push(runs, run.op, run.text);
      else {
        push(runs, 'delete', blockA.join(''));
        push(runs, 'insert', blockB.join(''));
      }
    } else {
      push(runs, 'delete', blockA.join(''));
      push(runs, 'insert', blockB.join(''));
    }
    blockA = [];
    blockB = [];
  };
  for (const edit of edits) {
    if (edit.op === 'equal') {
      flush();
      push(runs, 'equal', textA[edit.a] ?? '');
    } else if (edit.op === 'delete') blockA.push(...(linesA[edit.a] ?? []));
    else blockB.push(...(linesB[edit.b] ?? []));
  }
  flush();
}

function countWords(text: string): number {
  return tokenize(text).filter(isWord).length;
}

/**
 * The word diff of `a` (version A's text) and `b` (version B's). `budget` bounds the work of each
 * Myers run; the default keeps any input to well under 200 ms.
 */
export function diffWords(
  a: string,
  b: string,
  { budget = DEFAULT_BUDGET }: { budget?: number } = {},
): WordDiff {
  const tokensA = tokenize(a);
  const tokensB = tokenize(b);
  let start = 0;
  while (start < tokensA.length && start < tokensB.length && tokensA[start] === tokensB[start]) start += 1;
  let endA = tokensA.length;
  let endB = tokensB.length;
  while (endA > start && endB > start && tokensA[endA - 1] === tokensB[endB - 1]) {
    endA -= 1;
    endB -= 1;
  }
  const runs: DiffRun[] = [];
  push(runs, 'equal', tokensA.slice(0, start).join(''));
  const middleA = tokensA.slice(start, endA);
  const middleB = tokensB.slice(start, endB);
  const middle = diffTokens(middleA, middleB, budget);
  if (middle) for (const run of middle) push(runs, run.op, run.text);
  else diffByLines(middleA, middleB, budget, runs);
  push(runs, 'equal', tokensA.slice(endA).join(''));

  const stats = { equal: 0, inserted: 0, deleted: 0 };
  for (const run of runs) {
    const words = countWords(run.text);
    if (run.op === 'equal') stats.equal += words;
    else if (run.op === 'insert') stats.inserted += words;
    else stats.deleted += words;
  }
  return { runs, stats, changed: runs.some((run) => run.op !== 'equal') };
}

/** The text of one side rebuilt from the runs (A: equal + delete; B: equal + insert). */
export function sideText(runs: readonly DiffRun[], side: 'a' | 'b'): string {
  const skip: DiffOp = side === 'a' ? 'insert' : 'delete';
  return runs
    .filter((run) => run.op !== skip)
    .map((run) => run.text)
    .join('');
}
