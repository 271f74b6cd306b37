/**
 * Light and dark: the person's choice (System, Light or Dark) kept in localStorage, the system's
 * preference followed while the choice is System. The resolved theme is `data-theme` on <html>;
 * `src/index.css` remaps the palette under `[data-theme="dark"]`, so components need no dark
 * variants. `public/theme-init.js` applies the same rule before the first paint (the CSP allows no
 * inline script); this module takes over once the app starts.
 */
import { useSyncExternalStore } from 'react';

export type ThemeChoice = 'system' | 'light' | 'dark';
export type Theme = 'light' | 'dark';

/** Shared with `public/theme-init.js`: change both together. */
export const THEME_STORAGE_KEY = 'workflow-lens:theme';
const DARK_QUERY = '(prefers-color-scheme: dark)';

export const THEME_CHOICES: readonly { value: ThemeChoice; label: string }[] = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

export function isThemeChoice(value: unknown): value is ThemeChoice {
  return value === 'system' || value === 'light' || value === 'dark';
}

export function resolveTheme(choice: ThemeChoice, systemDark: boolean): Theme {
  if (choice === 'system') return systemDark ? 'dark' : 'light';
  return choice;
}

/** The stored choice; System when nothing (or something unreadable) is stored, or storage is blocked. */
export function readThemeChoice(): ThemeChoice {
  try {
    const stored = globalThis.localStorage?.getItem(THEME_STORAGE_KEY);
    return isThemeChoice(stored) ? stored : 'system';
  } catch {
    return 'system';
  }
}

function systemPrefersDark(): boolean {
  return typeof matchMedia === 'function' && matchMedia(DARK_QUERY).matches;
}

function apply(theme: Theme) {
  const root = document.documentElement;
  root.dataset.theme = theme;
  // Native controls, scrollbars and form fields follow too.
  root.style.colorScheme = theme;
}

interface ThemeState {
  choice: ThemeChoice;
  theme: Theme;
}

let state: ThemeState = { choice: 'system', theme: 'light' };
const listeners = new Set<() => void>();
let mediaQuery: MediaQueryList | undefined;

function update(choice: ThemeChoice) {
  const theme = resolveTheme(choice, systemPrefersDark());
  if (state.choice !== choice || state.theme !== theme) state = { choice, theme };
  apply(theme);
  for (const listener of [...listeners]) listener();
}

/** Applies the stored choice and follows the system setting; call once before the first render. */
export function initTheme() {
  update(readThemeChoice());
  if (!mediaQuery && typeof matchMedia === 'function') {
    mediaQuery = matchMedia(DARK_QUERY);
    mediaQuery.addEventListener('change', () => update(state.choice));
  }
}

/** Sets and remembers the choice (kept for this page even where storage is blocked). */
export function setThemeChoice(choice: ThemeChoice) {
  try {
    if (choice === 'system') globalThis.localStorage?.removeItem(THEME_STORAGE_KEY);
    else globalThis.localStorage?.setItem(THEME_STORAGE_KEY, choice);
  } catch {
    // Private mode or blocked storage: the choice holds until the page is closed.
  }
  update(choice);
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

function getSnapshot(): ThemeState {
  return state;
}

/** The current choice and the theme it resolves to, live. */
export function useTheme(): ThemeState & { setChoice: (choice: ThemeChoice) => void } {
  const current = useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
  return { ...current, setChoice: setThemeChoice };
}
