import { expect, test } from './support/lens';

test('a sample from the empty state runs, lands in Recent inputs, and runs again on the other version in one click', async ({
  lens,
}) => {
  const { page } = lens;
  await lens.open('ocr-translate');
  await lens.versionPicker.selectOption({ index: 1 }); // the older version: Spanish only
  const samples = page.getByRole('region', { name: 'Or try a sample' });
  await samples.getByRole('button', { name: /Sign/ }).click();
  await expect(lens.dialog).toBeHidden({ timeout: 30_000 });
  await expect(lens.node('ocr')).toContainText('OPEN DAILY');
  await expect(lens.node('translate-cat')).toHaveCount(0);

  const recent = page.getByRole('region', { name: 'Recent inputs' });
  const again = recent.getByRole('button', { name: 'Run again: sign.png' });
  await expect(again).toBeVisible();

  await lens.versionPicker.selectOption({ index: 0 }); // the latest: Catalan too
  await again.click();
  await expect(lens.dialog).toBeHidden({ timeout: 30_000 });
  await expect(lens.node('translate-cat')).toContainText(/obert|diari/i);

  // Comparing, the same click runs both versions on it.
  await page.getByRole('button', { name: 'Compare versions' }).click();
  await again.click();
  await expect(page.locator('tr[data-pair="translate-cat"]')).toContainText('Added in B', { timeout: 30_000 });
  await expect(page.getByText(/Answered in/)).toHaveCount(2, { timeout: 30_000 });

  // Removing it empties the list.
  await recent.getByRole('button', { name: 'Remove sign.png' }).click();
  await expect(again).toHaveCount(0);
});
