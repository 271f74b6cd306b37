import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ThemeSwitch } from '@/components/theme-switch';
import { initTheme, THEME_STORAGE_KEY } from '@/lib/theme';

/** A controllable `prefers-color-scheme: dark`. */
function fakeSystem(dark: boolean) {
  const listeners = new Set<() => void>();
  const query = {
    get matches() {
      return system.dark;
    },
    addEventListener: (_: string, listener: () => void) => listeners.add(listener),
    removeEventListener: (_: string, listener: () => void) => listeners.delete(listener),
  };
  const system = {
    dark,
    flip(next: boolean) {
      system.dark = next;
      listeners.forEach((listener) => listener());
    },
  };
  vi.stubGlobal('matchMedia', () => query);
  return system;
}

const html = document.documentElement;

beforeEach(() => {
  localStorage.clear();
  delete html.dataset.theme;
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('ThemeSwitch', () => {
  it('follows the system setting while set to System', () => {
    const system = fakeSystem(true);
    initTheme();
    render(<ThemeSwitch />);
    expect(screen.getByRole('combobox', { name: 'Theme' })).toHaveValue('system');
    expect(html.dataset.theme).toBe('dark');
    system.flip(false);
    expect(html.dataset.theme).toBe('light');
  });

  it('applies and remembers an explicit choice, and System forgets it', async () => {
    const user = userEvent.setup();
    fakeSystem(false);
    initTheme();
    render(<ThemeSwitch />);
    const select = screen.getByRole('combobox', { name: 'Theme' });
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['System', 'Light', 'Dark']);

    await user.selectOptions(select, 'Dark');
    expect(select).toHaveValue('dark');
    expect(html.dataset.theme).toBe('dark');
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe('dark');

    await user.selectOptions(select, 'System');
    expect(html.dataset.theme).toBe('light');
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBeNull();
  });

  it('starts from the stored choice, over the system setting', () => {
    fakeSystem(true);
    localStorage.setItem(THEME_STORAGE_KEY, 'light');
    initTheme();
    render(<ThemeSwitch />);
    expect(screen.getByRole('combobox', { name: 'Theme' })).toHaveValue('light');
    expect(html.dataset.theme).toBe('light');
  });

  it('ignores a stored value it does not know', () => {
    fakeSystem(false);
    localStorage.setItem(THEME_STORAGE_KEY, 'sepia');
    initTheme();
    render(<ThemeSwitch />);
    expect(screen.getByRole('combobox', { name: 'Theme' })).toHaveValue('system');
  });
});
