import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  clearToasts,
  dismissToast,
  getToasts,
  holdToast,
  MAX_TOASTS,
  releaseToast,
  showToast,
  subscribeToasts,
  TOAST_DISMISS_MS,
} from '@/lib/toasts';

const titles = () => getToasts().map((toast) => toast.title);

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  clearToasts();
  vi.useRealTimers();
});

describe('toasts', () => {
  it('shows a toast and dismisses it by itself after a while', () => {
    showToast({ tone: 'error', title: 'Could not keep the input', detail: 'Storage is full.' });
    expect(getToasts()).toEqual([
      expect.objectContaining({
        tone: 'error',
        title: 'Could not keep the input',
        detail: 'Storage is full.',
      }),
    ]);
    vi.advanceTimersByTime(TOAST_DISMISS_MS - 1);
    expect(titles()).toEqual(['Could not keep the input']);
    vi.advanceTimersByTime(1);
    expect(getToasts()).toEqual([]);
  });

  it('keeps at most three, dropping the oldest', () => {
    for (const title of ['one', 'two', 'three', 'four']) showToast({ tone: 'info', title });
    expect(MAX_TOASTS).toBe(3);
    expect(titles()).toEqual(['two', 'three', 'four']);
    // The dropped toast's timer does not take a newer one with it.
    vi.advanceTimersByTime(TOAST_DISMISS_MS - 1);
    expect(titles()).toEqual(['two', 'three', 'four']);
  });

  it('does not stack the same toast twice, and starts its time over', () => {
    const first = showToast({ tone: 'error', title: 'Link input lost', detail: 'stored:abc' });
    vi.advanceTimersByTime(TOAST_DISMISS_MS / 2);
    const again = showToast({ tone: 'error', title: 'Link input lost', detail: 'stored:abc' });
    expect(again).toBe(first);
    expect(titles()).toEqual(['Link input lost']);
    vi.advanceTimersByTime(TOAST_DISMISS_MS - 1);
    expect(titles()).toEqual(['Link input lost']);
    vi.advanceTimersByTime(1);
    expect(titles()).toEqual([]);
  });

  it('tells apart toasts that differ in tone or detail', () => {
    showToast({ tone: 'error', title: 'Same' });
    showToast({ tone: 'info', title: 'Same' });
    showToast({ tone: 'error', title: 'Same', detail: 'more' });
    expect(getToasts()).toHaveLength(3);
  });

  it('dismisses one toast on demand', () => {
    const id = showToast({ tone: 'info', title: 'a' });
    showToast({ tone: 'info', title: 'b' });
    dismissToast(id);
    expect(titles()).toEqual(['b']);
  });

  it('holds a toast while held and gives it a full time once released', () => {
    const id = showToast({ tone: 'info', title: 'held' });
    holdToast(id);
    vi.advanceTimersByTime(TOAST_DISMISS_MS * 3);
    expect(titles()).toEqual(['held']);
    releaseToast(id);
    vi.advanceTimersByTime(TOAST_DISMISS_MS - 1);
    expect(titles()).toEqual(['held']);
    vi.advanceTimersByTime(1);
    expect(titles()).toEqual([]);
  });

  it('tells subscribers of each change and keeps the snapshot stable in between', () => {
    const listener = vi.fn();
    const unsubscribe = subscribeToasts(listener);
    const before = getToasts();
    expect(getToasts()).toBe(before);
    showToast({ tone: 'info', title: 'x' });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(getToasts()).not.toBe(before);
    const shown = getToasts();
    expect(getToasts()).toBe(shown);
    vi.advanceTimersByTime(TOAST_DISMISS_MS);
    expect(listener).toHaveBeenCalledTimes(2);
    unsubscribe();
    showToast({ tone: 'info', title: 'y' });
    expect(listener).toHaveBeenCalledTimes(2);
  });
});
