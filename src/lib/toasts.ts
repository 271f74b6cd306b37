/**
 * Toasts, only for work that fails out of sight (an upload the input store cannot keep, a shared
 * link whose input cannot be brought back): anything a person just asked for answers in place, next
 * to what they did. A tiny external store read with `useSyncExternalStore` (see `<Toaster />`), so
 * any module can call `showToast` without a provider or a hook.
 */

export type ToastTone = 'error' | 'info';

export interface ToastInput {
  tone: ToastTone;
  title: string;
  detail?: string;
}

export interface Toast extends ToastInput {
  readonly id: number;
}

/** Long enough to read two lines twice; hovering or focusing a toast holds it (WCAG 2.2.1). */
export const TOAST_DISMISS_MS = 8000;
/** More than three at once is noise: the oldest goes first. */
export const MAX_TOASTS = 3;

let toasts: readonly Toast[] = [];
let nextId = 1;
const timers = new Map<number, ReturnType<typeof setTimeout>>();
const listeners = new Set<() => void>();

function emit(next: readonly Toast[]) {
  toasts = next;
  for (const listener of [...listeners]) listener();
}

function stopTimer(id: number) {
  const timer = timers.get(id);
  if (timer !== undefined) clearTimeout(timer);
  timers.delete(id);
}

function startTimer(id: number) {
  stopTimer(id);
  timers.set(
    id,
    setTimeout(() => dismissToast(id), TOAST_DISMISS_MS),
  );
}

const sameToast = (a: ToastInput, b: ToastInput) =>
  a.tone === b.tone && a.title === b.title && (a.detail ?? '') === (b.detail ?? '');

/**
 * Shows a toast and returns its id. The same toast again (tone, title and detail) is not stacked
 * twice: the one on screen stays and its time starts over.
 */
export function showToast(input: ToastInput): number {
  const existing = toasts.find((toast) => sameToast(toast, input));
  if (existing) {
    startTimer(existing.id);
    return existing.id;
  }
  const toast: Toast = { id: nextId++, tone: input.tone, title: input.title, detail: input.detail };
  const next = [...toasts, toast];
  const dropped = next.slice(0, Math.max(0, next.length - MAX_TOASTS));
  for (const old of dropped) stopTimer(old.id);
  emit(next.slice(dropped.length));
  startTimer(toast.id);
  return toast.id;
}

export function dismissToast(id: number) {
  stopTimer(id);
  if (!toasts.some((toast) => toast.id === id)) return;
  emit(toasts.filter((toast) => toast.id !== id));
}

/** Holds a toast on screen (while hovered or focused) until `releaseToast`. */
export function holdToast(id: number) {
  stopTimer(id);
}

/** Lets a held toast go: it leaves a full `TOAST_DISMISS_MS` later. */
export function releaseToast(id: number) {
  if (toasts.some((toast) => toast.id === id)) startTimer(id);
}

/** Removes every toast (tests, or a page that starts over). */
export function clearToasts() {
  for (const id of [...timers.keys()]) stopTimer(id);
  if (toasts.length > 0) emit([]);
}

export function subscribeToasts(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** The toasts on screen, oldest first; the same array until something changes. */
export function getToasts(): readonly Toast[] {
  return toasts;
}
