import type { Page } from '@playwright/test';
import { expect, test } from './support/lens';

const themeOf = (page: Page) => page.evaluate(() => document.documentElement.dataset.theme);

/** The header's background colour, as the person sees it. */
const background = (page: Page) =>
  page.getByRole('banner').evaluate((header) => getComputedStyle(header).backgroundColor);

function luminance(rgb: string): number {
  const [r = 0, g = 0, b = 0] = (rgb.match(/[\d.]+/g) ?? []).map(Number);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

test.describe('a dark system', () => {
  test.use({ colorScheme: 'dark' });

  test('gets the dark theme without choosing anything', async ({ lens }) => {
    await lens.page.goto('/');
    const theme = lens.page.getByRole('combobox', { name: 'Theme' });
    await expect(theme).toHaveValue('system');
    expect(await themeOf(lens.page)).toBe('dark');
    expect(luminance(await background(lens.page))).toBeLessThan(0.2);
  });

  test('the theme is on the page before the app runs (no white flash)', async ({ lens }) => {
    // Hold the app's module back: only public/theme-init.js can have set the theme.
    await lens.page.route(/\/assets\/.*\.js$/, (route) => route.abort());
    await lens.page.goto('/', { waitUntil: 'domcontentloaded' });
    expect(await themeOf(lens.page)).toBe('dark');
    await lens.page.unroute(/\/assets\/.*\.js$/);
  });
});

test.describe('a light system', () => {
  test.use({ colorScheme: 'light' });

  test('gets the light theme; the switch overrides it, and the choice survives a reload', async ({
    lens,
  }) => {
    await lens.page.goto('/');
    const theme = lens.page.getByRole('combobox', { name: 'Theme' });
    await expect(theme).toHaveValue('system');
    expect(await themeOf(lens.page)).toBe('light');
    expect(luminance(await background(lens.page))).toBeGreaterThan(0.8);

    await theme.selectOption('Dark');
    expect(await themeOf(lens.page)).toBe('dark');
    expect(luminance(await background(lens.page))).toBeLessThan(0.2);

    await lens.page.reload();
    await expect(lens.page.getByRole('combobox', { name: 'Theme' })).toHaveValue('dark');
    expect(await themeOf(lens.page)).toBe('dark');

    await lens.page.getByRole('combobox', { name: 'Theme' }).selectOption('System');
    expect(await themeOf(lens.page)).toBe('light');
    await lens.page.reload();
    await expect(lens.page.getByRole('combobox', { name: 'Theme' })).toHaveValue('system');
    expect(await themeOf(lens.page)).toBe('light');
  });

  test('an explicit Light holds when the system turns dark', async ({ lens }) => {
    await lens.page.goto('/');
    await lens.page.getByRole('combobox', { name: 'Theme' }).selectOption('Light');
    await lens.page.emulateMedia({ colorScheme: 'dark' });
    expect(await themeOf(lens.page)).toBe('light');
    await lens.page.getByRole('combobox', { name: 'Theme' }).selectOption('System');
    expect(await themeOf(lens.page)).toBe('dark');
  });
});
