import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Toaster } from '@/components/ui/toaster';
import { clearToasts, showToast, TOAST_DISMISS_MS } from '@/lib/toasts';

afterEach(() => {
  act(() => clearToasts());
  vi.useRealTimers();
});

describe('Toaster', () => {
  it('adds no alert or status to the page while no toast is shown', () => {
    render(<Toaster />);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('shows an error as an alert and an info toast as a status inside a polite region already in the page', () => {
    render(<Toaster />);
    const polite = document.querySelector('[aria-live="polite"]');
    act(() => {
      showToast({
        tone: 'error',
        title: 'The upload was not kept',
        detail: 'Storage is full: reload to free it.',
      });
      showToast({ tone: 'info', title: 'Restored from the link' });
    });
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('The upload was not kept');
    expect(alert).toHaveTextContent('Storage is full: reload to free it.');
    expect(alert).not.toHaveTextContent('Restored from the link');
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent('Restored from the link');
    expect(polite).not.toBeNull();
    expect(polite).toContainElement(status);
  });

  it('closes a toast with its Dismiss button', async () => {
    const user = userEvent.setup();
    render(<Toaster />);
    act(() => {
      showToast({ tone: 'error', title: 'First' });
      showToast({ tone: 'error', title: 'Second' });
    });
    const dismiss = screen.getAllByRole('button', { name: 'Dismiss' });
    expect(dismiss).toHaveLength(2);
    // Each Dismiss says which toast it closes.
    expect(dismiss[0]).toHaveAccessibleDescription('First');
    await user.click(dismiss[0] ?? document.body);
    expect(screen.getAllByRole('alert').map((alert) => alert.textContent)).toEqual([
      expect.stringContaining('Second'),
    ]);
  });

  it('leaves by itself after a while, but not while the pointer is on it', () => {
    vi.useFakeTimers();
    render(<Toaster />);
    act(() => {
      showToast({ tone: 'info', title: 'Going' });
      showToast({ tone: 'info', title: 'Held' });
    });
    const held = screen.getByText('Held').closest('[data-tone]');
    if (!held) throw new Error('no toast card');
    act(() => {
      held.dispatchEvent(new PointerEvent('pointerover', { bubbles: true }));
    });
    act(() => vi.advanceTimersByTime(TOAST_DISMISS_MS));
    expect(screen.queryByText('Going')).not.toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Held');
  });
});
