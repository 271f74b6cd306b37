/**
 * Single-key shortcuts for the page (`?`, `j`, `[`, ← …), as pure functions of a key event: which
 * shortcut a key press means, or none. A key typed into a field, a key with Ctrl/Meta/Alt (the
 * browser's and the system's own shortcuts), and Space or an arrow on a control that already
 * uses it (a button, a slider, a tab) never trigger one.
 */

export interface Shortcut {
  /** A `KeyboardEvent.key` value: `'j'`, `'?'`, `'['`, `'ArrowLeft'`, `' '` (or `'Space'`). */
  key: string;
  description: string;
  run: () => void;
  /** False greys it out in the help and ignores the key; default true. */
  enabled?: boolean;
}

/** The part of a KeyboardEvent the matcher reads (a real event fits). */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  repeat?: boolean;
  isComposing?: boolean;
  defaultPrevented?: boolean;
  target: EventTarget | null;
  getModifierState?: (key: string) => boolean;
}

/** The page's shortcuts, in the order the help lists them (the actions are wired by the page). */
export const DOCUMENTED_SHORTCUTS: readonly Pick<Shortcut, 'key' | 'description'>[] = [
  { key: '?', description: 'Show the keyboard shortcuts' },
  { key: '+', description: 'Try your own image or video' },
  { key: 'j', description: 'Show or hide the raw JSON' },
  { key: '[', description: 'Previous version' },
  { key: ']', description: 'Next version' },
  { key: 'ArrowLeft', description: 'Previous frame' },
  { key: 'ArrowRight', description: 'Next frame' },
  { key: ' ', description: 'Play or pause' },
  { key: '0', description: 'Reset the zoom' },
  { key: 'c', description: 'Compare versions' },
];

function normalise(key: string): string {
  if (key === 'Space' || key === 'Spacebar') return ' ';
  if (key === 'Left') return 'ArrowLeft';
  if (key === 'Right') return 'ArrowRight';
  // Letters match either case (Caps Lock on); symbols as typed (`?` is Shift+/ and stays `?`).
  return key.length === 1 ? key.toLowerCase() : key;
}

/** How a key is written in the help: `←`, `Space`, `?`. */
export function keyLabel(key: string): string {
  const k = normalise(key);
  if (k === ' ') return 'Space';
  if (k === 'ArrowLeft') return '←';
  if (k === 'ArrowRight') return '→';
  if (k === 'ArrowUp') return '↑';
  if (k === 'ArrowDown') return '↓';
  return k;
}

/** The spoken name of a key, for screen readers (“Left arrow” rather than “←”). */
export function keyName(key: string): string {
  const k = normalise(key);
  const names: Record<string, string> = {
    ' ': 'Space',
    ArrowLeft: 'Left arrow',
    ArrowRight: 'Right arrow',
    ArrowUp: 'Up arrow',
    ArrowDown: 'Down arrow',
    '?': 'Question mark',
    '+': 'Plus',
    '[': 'Left bracket',
    ']': 'Right bracket',
  };
  return names[k] ?? k;
}

function isElement(target: EventTarget | null): target is Element {
  return typeof Element !== 'undefined' && target instanceof Element;
}

/** Where keys are text: a field, a select, anything editable. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!isElement(target)) return false;
  if (target.closest('input, textarea, select')) return true;
  const editable = target.closest('[contenteditable]');
  return editable !== null && editable.getAttribute('contenteditable') !== 'false';
}

const NATIVE_KEY_USERS =
  'button, a[href], summary, audio[controls], video[controls], [role="button"], [role="slider"], [role="tab"], [role="radio"], [role="checkbox"], [role="switch"], [role="menuitem"], [role="option"], [role="listbox"], [role="spinbutton"], [role="scrollbar"], [role="tree"], [role="grid"]';

/** Space and the arrows belong to a focused control that uses them (a button clicks, a slider moves). */
function keyBelongsToTarget(key: string, target: EventTarget | null): boolean {
  if (key !== ' ' && !key.startsWith('Arrow')) return false;
  return isElement(target) && target.closest(NATIVE_KEY_USERS) !== null;
}

/** The enabled shortcut a key press means, or undefined. */
export function matchShortcut<T extends Pick<Shortcut, 'key' | 'enabled'>>(
  event: KeyPress,
  shortcuts: readonly T[],
): T | undefined {
  if (event.defaultPrevented || event.isComposing) return undefined;
  // AltGr types `[`, `]` and `+` on many layouts and reports Ctrl+Alt on Windows: it is typing, not a chord.
  const altGraph = event.getModifierState?.('AltGraph') ?? false;
  if (!altGraph && (event.ctrlKey || event.metaKey || event.altKey)) return undefined;
  if (altGraph && event.metaKey) return undefined;
  if (isTypingTarget(event.target)) return undefined;
  const key = normalise(event.key);
  // Holding an arrow steps through frames; holding any other key does its action once.
  if (event.repeat && !key.startsWith('Arrow')) return undefined;
  if (keyBelongsToTarget(key, event.target)) return undefined;
  return shortcuts.find((shortcut) => shortcut.enabled !== false && normalise(shortcut.key) === key);
}
