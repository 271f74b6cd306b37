/**
 * `npm run screenshots`: starts the engine and the app, runs the README's example, and saves
 * docs/screenshots/*.png. Uses the same Debian Chromium as the end-to-end tests.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { faceStrip } from '../engine/vision/testing/fixtures';
import { renderSign } from '../e2e/support/media';
import { startProcess } from '../e2e/support/servers';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, 'docs', 'screenshots');
const ENGINE_PORT = 4410;
const APP_PORT = 4473;
const vite = path.join(root, 'node_modules', '.bin', 'vite');

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
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  await page.goto(`http://127.0.0.1:${APP_PORT}/?workflow=ocr-translate`);
  await page.getByRole('combobox', { name: 'Version' }).selectOption({ index: 0 });
  await page.getByRole('button', { name: 'Try your own image or video' }).click();
  const sign = await renderSign(['THE HOUSE IS RED', 'THE CAT IS BLACK']);
  await page
    .getByLabel('Choose a file')
    .setInputFiles({ name: 'sign.png', mimeType: 'image/png', buffer: sign });
  await page.getByRole('region', { name: 'translate-cat', exact: true }).getByText(/casa/i).waitFor();
  await page.getByRole('list', { name: 'Regions' }).getByRole('listitem').nth(1).hover();
  await page.screenshot({ path: path.join(out, 'overview.png'), fullPage: true });
  console.log(`wrote ${path.relative(root, out)}/overview.png`);

  await page.goto(`http://127.0.0.1:${APP_PORT}/?workflow=Face-Sentiment`);
  await page.getByRole('combobox', { name: 'Version' }).selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Try your own image or video' }).click();
  await page
    .getByLabel('Choose a file')
    .setInputFiles({ name: 'faces.jpg', mimeType: 'image/jpeg', buffer: await faceStrip() });
  const sentiment = page.getByRole('region', { name: 'face-sentiment', exact: true });
  await sentiment.getByRole('img', { name: 'Region boxes' }).waitFor();
  await sentiment.getByRole('list', { name: 'Regions' }).getByRole('listitem').nth(1).hover();
  await sentiment.screenshot({ path: path.join(out, 'face-sentiment.png') });
  console.log(`wrote ${path.relative(root, out)}/face-sentiment.png`);
} finally {
  await browser.close();
  await app.stop();
  await engine.stop();
}
