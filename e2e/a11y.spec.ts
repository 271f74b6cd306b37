import AxeBuilder from '@axe-core/playwright';
import { manAtTable } from '../engine/vision/testing/fixtures';
import { renderSign } from './support/media';
import { expect, test, type LensPage } from './support/lens';

/** No serious or critical WCAG 2 A/AA violation on what is on screen now; the report names each. */
async function expectAccessible(lens: LensPage, what: string) {
  const results = await new AxeBuilder({ page: lens.page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = blocking.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n` +
      v.nodes
        .slice(0, 5)
        .map((n) => `  ${n.target.join(' ')}\n    ${n.failureSummary?.replace(/\n/g, '\n    ') ?? ''}`)
        .join('\n'),
  );
  expect(report, `accessibility violations on ${what}`).toEqual([]);
}

async function runText(lens: LensPage, text: string) {
  await lens.tryButton.click();
  await lens.dialog.getByRole('tab', { name: 'Text' }).click();
  await lens.dialog.getByRole('textbox', { name: 'Text' }).fill(text);
  await lens.dialog.getByRole('button', { name: 'Run' }).click();
  await expect(lens.dialog).toBeHidden();
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`in the ${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test('the overview page and the open try modal', async ({ lens }) => {
      await lens.open('ocr-translate');
      expect(await lens.page.evaluate(() => document.documentElement.dataset.theme)).toBe(colorScheme);
      await expectAccessible(lens, 'the overview page');

      await lens.tryButton.click();
      await expect(lens.dialog).toBeVisible();
      await expectAccessible(lens, 'the try modal');
    });

    test('OCR text and its translation', async ({ lens }) => {
      await lens.open('ocr-translate');
      await lens.pickFile({
        name: 'sign.png',
        mimeType: 'image/png',
        buffer: await renderSign(['THE HOUSE IS RED', 'THE CAT IS BLACK']),
      });
      await expect(lens.dialog).toBeHidden();
      await expect(lens.node('translate-spa')).toContainText(/casa/i);
      await expectAccessible(lens, 'OCR and translation results');
    });

    test('boxes and concepts from a detector', async ({ lens }) => {
      await lens.open('General-Detection');
      await lens.pickFile({ name: 'table.jpg', mimeType: 'image/jpeg', buffer: await manAtTable() });
      const detect = lens.node('detect');
      await expect(detect).toContainText('Ok');
      await expect(detect.locator('[aria-label^="Box "]').first()).toBeAttached();
      await expectAccessible(lens, 'detection results');
    });

    test('concepts of a text', async ({ lens }) => {
      await lens.open('text-classifier');
      await runText(lens, 'I love this wonderful, happy day. Everything is great!');
      await expect(lens.page.getByRole('meter').first()).toBeVisible();
      await expectAccessible(lens, 'text classification results');
    });
  });
}
