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
      await lens.page.keyboard.press('Escape');
      await expect(lens.dialog).toBeHidden();

      await lens.page.keyboard.press('?');
      await expect(lens.page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
      await expectAccessible(lens, 'the keyboard shortcuts');
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

    test('the compare view of a detector, side by side, as a swipe and as an overlay', async ({ lens }) => {
      const page = lens.page;
      await lens.open('General-Detection');
      await page.getByRole('button', { name: 'Compare versions' }).click();
      await expect(
        page.getByRole('combobox', { name: 'Version B' }).locator('option').first(),
      ).toBeAttached();
      await lens.pickFile({ name: 'table.jpg', mimeType: 'image/jpeg', buffer: await manAtTable() });
      await expect(lens.dialog).toBeHidden();
      await expect(page.getByText(/Answered in/)).toHaveCount(2, { timeout: 60_000 });
      const detect = page.locator('[data-pair-section="detect"]');
      await expect(detect.getByRole('list', { name: 'Region changes' })).toBeVisible({ timeout: 60_000 });
      // Every box either version returned, so the "Only in B" rows are on screen too.
      await page.getByRole('slider', { name: 'Threshold' }).fill('0');
      await expect(detect.getByText(/only in B/i).first()).toBeVisible();
      await expect(detect.locator('[data-rendered="true"]').first()).toBeVisible({ timeout: 60_000 });
      await expectAccessible(lens, 'the compare view, side by side');

      await page.getByRole('radio', { name: 'Swipe' }).check({ force: true });
      await expect(detect.getByRole('slider', { name: 'Swipe position' })).toBeVisible();
      await expectAccessible(lens, 'the compare view as a swipe');

      await page.getByRole('radio', { name: 'Overlay' }).check({ force: true });
      await expect(page.getByRole('radio', { name: 'Overlay' })).toBeChecked();
      await expect(detect.getByRole('slider', { name: 'Swipe position' })).toBeHidden();
      await expectAccessible(lens, 'the compare view as an overlay');
    });

    test('the compare view of OCR and translation: changed boxes, word diffs, an added node', async ({
      lens,
    }) => {
      const page = lens.page;
      await lens.open('ocr-translate');
      await page.getByRole('button', { name: 'Compare versions' }).click();
      await expect(
        page.getByRole('combobox', { name: 'Version B' }).locator('option').first(),
      ).toBeAttached();
      await lens.pickFile({
        name: 'sign.png',
        mimeType: 'image/png',
        buffer: await renderSign(['THE HOUSE IS RED', 'THE CAT IS BLACK']),
      });
      await expect(lens.dialog).toBeHidden();
      await expect(page.getByText(/Answered in/)).toHaveCount(2, { timeout: 60_000 });
      const ocr = page.locator('[data-pair-section="ocr"]');
      await expect(ocr.getByRole('list', { name: 'Region changes' })).toBeVisible({ timeout: 60_000 });
      await expect(page.locator('[data-pair-section="translate-cat"]')).toContainText(/casa/i);
      await expectAccessible(lens, 'the OCR compare view, side by side');

      await page.getByRole('radio', { name: 'Overlay' }).check({ force: true });
      await expect(page.getByRole('radio', { name: 'Overlay' })).toBeChecked();
      await expectAccessible(lens, 'the OCR compare view as an overlay');
    });

    test('concepts of a text', async ({ lens }) => {
      await lens.open('text-classifier');
      await runText(lens, 'I love this wonderful, happy day. Everything is great!');
      await expect(lens.page.getByRole('meter').first()).toBeVisible();
      await expectAccessible(lens, 'text classification results');
    });
  });
}

/** How far the page scrolls sideways: 0 when everything fits the viewport's width (WCAG reflow). */
const sidewaysOverflow = (lens: LensPage) =>
  lens.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test.describe('on a phone (375 px)', () => {
  test.use({ viewport: { width: 375, height: 812 } });

  test('the header wraps, results stack, and nothing scrolls sideways', async ({ lens }) => {
    await lens.open('ocr-translate');
    expect(await sidewaysOverflow(lens)).toBe(0);
    await lens.pickFile({
      name: 'sign.png',
      mimeType: 'image/png',
      buffer: await renderSign(['THE HOUSE IS RED', 'THE CAT IS BLACK']),
    });
    await expect(lens.dialog).toBeHidden();
    await expect(lens.node('translate-spa')).toContainText(/casa/i);
    expect(await sidewaysOverflow(lens)).toBe(0);
    await expect(lens.page.getByRole('combobox', { name: 'Theme' })).toBeInViewport();
  });
});

test.describe('on a 4K screen', () => {
  test.use({ viewport: { width: 3840, height: 2160 } });

  test('the content uses the width instead of a narrow column', async ({ lens }) => {
    await lens.open('ocr-translate');
    const main = await lens.page.getByRole('main').boundingBox();
    expect(main?.width ?? 0).toBeGreaterThan(2400);
    await lens.pickFile({
      name: 'sign.png',
      mimeType: 'image/png',
      buffer: await renderSign(['THE HOUSE IS RED']),
    });
    await expect(lens.node('translate-spa')).toContainText(/casa/i);
    // The node sections share the width two by two rather than one long column.
    const ocr = await lens.node('ocr').boundingBox();
    const spanish = await lens.node('translate-spa').boundingBox();
    expect(spanish?.x ?? 0).toBeGreaterThan((ocr?.x ?? 0) + (ocr?.width ?? 0) - 1);
    expect(await sidewaysOverflow(lens)).toBe(0);
  });
});
