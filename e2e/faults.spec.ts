import path from 'node:path';
import { renderSign } from './support/media';
import { startProcess } from './support/servers';
import { e2eDistDir } from './support/dist';
import { expect, test } from './support/lens';

const root = path.resolve(import.meta.dirname, '..');
const ENGINE_PORT = 4590;
const APP_PORT = 4591;
/** The suite's preview port: its build is the one this test serves again. */
const SUITE_APP_PORT = Number(process.env.E2E_APP_PORT ?? 4273);

const startEngine = () =>
  startProcess(
    process.execPath,
    ['--import', 'tsx', 'engine/main.ts'],
    { ENGINE_PORT: String(ENGINE_PORT) },
    /engine listening/,
  );

test('with the engine stopped the page says so, keeps the input, and the retry works once it is back', async ({
  lens,
}) => {
  test.setTimeout(120_000);
  // Its own engine and preview (of the build made for the suite), so this one can be stopped.
  let engine = await startEngine();
  const preview = await startProcess(
    path.join(root, 'node_modules', '.bin', 'vite'),
    ['preview', '--port', String(APP_PORT), '--strictPort', '--outDir', e2eDistDir(SUITE_APP_PORT)],
    { ENGINE_PORT: String(ENGINE_PORT), API_TARGET: '', CLARIFAI_PAT: '' },
    new RegExp(`127\\.0\\.0\\.1:${APP_PORT}`),
  );
  try {
    const page = lens.page;
    await page.goto(`http://127.0.0.1:${APP_PORT}/?workflow=ocr-translate`);
    await expect(page.getByRole('combobox', { name: 'Version' }).locator('option')).not.toHaveCount(0);

    await engine.stop();
    await lens.tryButton.click();
    await lens.dialog.getByLabel('Choose a file').setInputFiles({
      name: 'sign.png',
      mimeType: 'image/png',
      buffer: await renderSign(['THE HOUSE IS RED']),
    });
    const alert = lens.dialog.getByRole('alert');
    await expect(alert).toContainText(/not reachable/i);
    await expect(lens.dialog).toBeVisible();

    engine = await startEngine();
    await alert.getByRole('button', { name: 'Retry' }).click();
    await expect(lens.dialog).toBeHidden();
    await expect(lens.node('translate-spa')).toContainText(/casa/i);
  } finally {
    await preview.stop();
    await engine.stop();
  }
});
