/**
 * `npm run screenshots`: starts the engine and the app, runs the README's examples, and saves
 * docs/screenshots/*.png, each in the light and the dark theme (the page follows the emulated
 * system setting while the Theme choice is System, so one run of the models gives both). Uses the
 * same Debian Chromium as the end-to-end tests, on ports of its own.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Locator, type Page } from '@playwright/test';
import { faceStrip, manAtTable } from '../engine/vision/testing/fixtures';
import { countingClip } from '../engine/video/test-clips';
import { renderSign } from '../e2e/support/media';
import { startProcess } from '../e2e/support/servers';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, 'docs', 'screenshots');
const ENGINE_PORT = Number(process.env.SCREENSHOTS_ENGINE_PORT ?? 4410);
const APP_PORT = Number(process.env.SCREENSHOTS_APP_PORT ?? 4473);
const vite = path.join(root, 'node_modules', '.bin', 'vite');
const THEMES = ['light', 'dark'] as const;
type Theme = (typeof THEMES)[number];

/** Switches the emulated system theme and waits until the page has taken it and painted. */
async function useTheme(page: Page, theme: Theme) {
  await page.emulateMedia({ colorScheme: theme });
  await page.waitForFunction((wanted) => document.documentElement.dataset.theme === wanted, theme);
  // Two frames: the one that restyles and the one that paints it.
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(undefined)))),
  );
}

/** Saves `name-light.png` and `name-dark.png` of the viewport, of one element, or of a part of the page. */
async function shootBoth(
  page: Page,
  name: string,
  what?: Locator | { x: number; y: number; width: number; height: number },
) {
  for (const theme of THEMES) {
    await useTheme(page, theme);
    const file = path.join(out, `${name}-${theme}.png`);
    if (!what) await page.screenshot({ path: file, animations: 'disabled' });
    else if ('screenshot' in what) await what.screenshot({ path: file, animations: 'disabled' });
    else await page.screenshot({ path: file, animations: 'disabled', fullPage: true, clip: what });
    console.log(`wrote ${path.relative(root, file)}`);
  }
  await useTheme(page, 'light');
}

/** Scrolls so `element`'s top sits `margin` px under the top of the viewport (clear of the sticky controls). */
async function scrollToTop(element: Locator, margin = 16) {
  await element.evaluate((node, gap) => {
    window.scrollTo({ top: node.getBoundingClientRect().top + window.scrollY - gap, behavior: 'instant' });
  }, margin);
}

async function openWorkflow(page: Page, workflowId: string, versionIndex?: number) {
  await page.goto(`http://127.0.0.1:${APP_PORT}/?workflow=${workflowId}`);
  const version = page.getByRole('combobox', { name: 'Version' });
  await version.locator('option').first().waitFor({ state: 'attached' });
  if (versionIndex !== undefined) await version.selectOption({ index: versionIndex });
}

const node = (page: Page, id: string) => page.getByRole('region', { name: id, exact: true });
const tryDialog = (page: Page) => page.getByRole('dialog', { name: 'Try your own image or video' });

async function pick(page: Page, file: { name: string; mimeType: string; buffer: Buffer }) {
  await page.getByRole('button', { name: 'Try your own image or video' }).click();
  await tryDialog(page).getByLabel('Choose a file').setInputFiles(file);
}

mkdirSync(out, { recursive: true });
const engine = await startProcess(
  process.execPath,
  ['--import', 'tsx', 'engine/main.ts'],
  { ENGINE_PORT: String(ENGINE_PORT) },
  /engine listening/,
);
const app = await startProcess(
  vite,
  ['--port', String(APP_PORT), '--strictPort'],
  { ENGINE_PORT: String(ENGINE_PORT) },
  new RegExp(`127\\.0\\.0\\.1:${APP_PORT}`),
);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'],
});
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' });
  const page = await context.newPage();

  // The overview: OCR of a sign and its translations, one region row hovered.
  await openWorkflow(page, 'ocr-translate', 0);
  await pick(page, {
    name: 'sign.png',
    mimeType: 'image/png',
    buffer: await renderSign(['THE HOUSE IS RED', 'THE CAT IS BLACK']),
  });
  await node(page, 'translate-cat').getByText(/casa/i).waitFor();
  await page.getByRole('list', { name: 'Regions' }).getByRole('listitem').nth(1).hover();
  // From the Results heading down to the Catalan: taller than the viewport, as the translations are the point.
  const top = await page.getByRole('heading', { name: 'Results' }).boundingBox();
  const bottom = await node(page, 'translate-cat').boundingBox();
  if (!top || !bottom) throw new Error('no results on screen');
  const scrollY = await page.evaluate(() => window.scrollY);
  await shootBoth(page, 'overview', {
    x: 0,
    y: top.y + scrollY - 16,
    width: 1280,
    height: bottom.y + bottom.height - top.y + 32,
  });

  // The same page on a phone, from the top.
  await page.mouse.move(0, 0);
  await page.setViewportSize({ width: 375, height: 812 });
  await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
  await useTheme(page, 'light');
  await page.screenshot({ path: path.join(out, 'phone-light.png'), animations: 'disabled' });
  console.log('wrote docs/screenshots/phone-light.png');
  await page.setViewportSize({ width: 1280, height: 800 });

  // Face-Sentiment: faces boxed with their emotion, crops beside the rows.
  await openWorkflow(page, 'Face-Sentiment', 1);
  await pick(page, { name: 'faces.jpg', mimeType: 'image/jpeg', buffer: await faceStrip() });
  const sentiment = node(page, 'face-sentiment');
  await sentiment.getByRole('img', { name: 'Region boxes' }).waitFor();
  await sentiment.getByRole('list', { name: 'Regions' }).getByRole('listitem').nth(1).hover();
  await shootBoth(page, 'face-sentiment', sentiment);

  // Compare: General-Detection's two newest versions on a photo, every box shown (threshold 0).
  await openWorkflow(page, 'General-Detection');
  await page.getByRole('button', { name: 'Compare versions' }).click();
  await page
    .getByRole('combobox', { name: 'Version B' })
    .locator('option')
    .first()
    .waitFor({ state: 'attached' });
  await pick(page, { name: 'table.jpg', mimeType: 'image/jpeg', buffer: await manAtTable() });
  await tryDialog(page).waitFor({ state: 'hidden' });
  const detect = page.locator('[data-pair-section="detect"]');
  // Both versions answered (one may come in well after the other).
  await page
    .getByText(/Answered in/)
    .nth(1)
    .waitFor({ timeout: 60_000 });
  await detect.getByRole('list', { name: 'Region changes' }).waitFor({ timeout: 60_000 });
  await page.getByRole('slider', { name: 'Threshold' }).fill('0');
  await detect.getByText('Only in B', { exact: true }).first().waitFor({ timeout: 60_000 });
  await detect.locator('[data-rendered="true"]').first().waitFor({ timeout: 60_000 });
  await scrollToTop(detect, 72);
  await page.mouse.move(0, 0);
  await shootBoth(page, 'compare');

  // Video-OCR on a counting clip: the player with the frame's box, the timeline, the frame's text.
  await openWorkflow(page, 'Video-OCR', 1);
  await page.getByRole('button', { name: 'Try your own image or video' }).click();
  await tryDialog(page)
    .getByLabel('Choose a file')
    .setInputFiles({ name: 'count.mp4', mimeType: 'video/mp4', buffer: await countingClip({ seconds: 5 }) });
  await tryDialog(page).getByRole('button', { name: 'Run video' }).click();
  await tryDialog(page).waitFor({ state: 'hidden', timeout: 60_000 });
  const ocr = node(page, 'ocr');
  const timeline = ocr.getByRole('slider', { name: 'Timeline' });
  // All five frames read (the strip counts them as they come).
  await ocr.locator('[aria-label="Timeline"][aria-valuemax="4"]').waitFor({ timeout: 90_000 });
  await timeline.focus();
  await timeline.press('Home');
  await timeline.press('ArrowRight');
  await timeline.press('ArrowRight');
  await ocr.getByRole('heading', { name: 'Frame 2 at 2.5 s' }).waitFor();
  await timeline.blur();
  await scrollToTop(ocr, 72);
  await shootBoth(page, 'video');
} finally {
  await browser.close();
  await app.stop();
  await engine.stop();
}
