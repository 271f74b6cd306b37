import { renderSign } from './support/media';
import { expect, test, type LensPage } from './support/lens';

const SIGN = ['THE HOUSE IS RED', 'THE CAT IS BLACK'];

async function signFile() {
  return { name: 'sign.png', mimeType: 'image/png', buffer: await renderSign(SIGN) };
}

async function expectOcrAndSpanish(lens: LensPage) {
  await expect(lens.dialog).toBeHidden();
  const ocr = lens.node('ocr');
  const lines = ocr.getByRole('list', { name: 'Regions' }).getByRole('listitem');
  await expect(lines.filter({ hasText: 'THE HOUSE IS RED' })).toHaveCount(1);
  await expect(lines.filter({ hasText: 'THE CAT IS BLACK' })).toHaveCount(1);
  // One box drawn over the image per recognised line.
  await expect(ocr.getByRole('img', { name: 'Region boxes' }).locator('[aria-label^="Box "]')).toHaveCount(2);
  await expect(lens.node('translate-spa')).toContainText(/casa/i);
  await expect(lens.node('translate-spa')).toContainText(/gato/i);
}

test('a sign picked with the file picker is read and translated into Spanish', async ({ lens }) => {
  await lens.open('ocr-translate');
  await lens.versionPicker.selectOption({ index: 1 }); // the older version: line regions, Spanish only
  await lens.pickFile(await signFile());
  await expectOcrAndSpanish(lens);
  await expect(lens.node('translate-cat')).toHaveCount(0);

  // Hovering a box lights up its line in the list.
  const ocr = lens.node('ocr');
  const box = ocr.locator('[aria-label^="Box "]').first();
  await box.hover();
  await expect(ocr.getByRole('list', { name: 'Regions' }).locator('[data-highlighted="true"]')).toHaveCount(
    1,
  );
});

test('a sign dropped on the modal gives the same result', async ({ lens }) => {
  await lens.open('ocr-translate');
  await lens.versionPicker.selectOption({ index: 1 });
  await lens.dropFile(await signFile());
  await expectOcrAndSpanish(lens);
});

test('switching to the newer version and running again shows that version’s output', async ({ lens }) => {
  await lens.open('ocr-translate');
  await lens.versionPicker.selectOption({ index: 1 });
  await lens.pickFile(await signFile());
  await expectOcrAndSpanish(lens);

  await lens.versionPicker.selectOption({ index: 0 }); // latest: word regions + Catalan too
  await lens.pickFile(await signFile());
  await expect(lens.dialog).toBeHidden();
  await expect(lens.node('translate-cat')).toContainText(/casa/i);
  const words = lens.node('ocr').getByRole('list', { name: 'Regions' }).getByRole('listitem');
  await expect(words.filter({ hasText: /^\s*HOUSE\b/ }).first()).toBeVisible();
  await expect(words).toHaveCount(8);
});

test('raw JSON of an output is one click away', async ({ lens }) => {
  await lens.open('ocr-translate');
  await lens.pickFile(await signFile());
  const spanish = lens.node('translate-spa');
  await expect(spanish).toContainText(/casa/i);
  await spanish.getByRole('button', { name: /raw json/i }).click();
  await expect(spanish.locator('pre')).toContainText('"text"');
});
