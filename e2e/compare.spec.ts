import { manAtTable } from '../engine/vision/testing/fixtures';
import { renderSign, slideClip } from './support/media';
import { expect, test, type LensPage } from './support/lens';

/** Turns compare on and checks the two newest versions are picked (A the older, B the latest). */
async function startCompare(lens: LensPage, workflowId: string) {
  await lens.open(workflowId);
  await lens.page.getByRole('button', { name: 'Compare versions' }).click();
  const a = lens.page.getByRole('combobox', { name: 'Version A' });
  const b = lens.page.getByRole('combobox', { name: 'Version B' });
  await expect(b.locator('option').first()).toBeAttached();
  const ids = await b
    .locator('option')
    .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
  await expect(a).toHaveValue(ids[1] ?? '');
  await expect(b).toHaveValue(ids[0] ?? '');
}

function pairRow(lens: LensPage, key: string) {
  return lens.page.getByRole('table', { name: 'Node changes' }).locator(`tr[data-pair="${key}"]`);
}

function pairSection(lens: LensPage, key: string) {
  return lens.page.locator(`[data-pair-section="${key}"]`);
}

test('ocr-translate: the changed OCR node, its boxes by line vs by word, the added Catalan, and a word diff; the link reopens it', async ({
  lens,
}) => {
  await startCompare(lens, 'ocr-translate');
  await lens.pickFile({
    name: 'sign.png',
    mimeType: 'image/png',
    buffer: await renderSign(['THE HOUSE IS RED']),
  });
  await expect(lens.dialog).toBeHidden();

  await expect(pairRow(lens, 'ocr')).toHaveAttribute('data-status', 'changed');
  await expect(pairRow(lens, 'ocr')).toContainText('param granularity line → word');
  await expect(pairRow(lens, 'translate-cat')).toContainText('Added in B');
  await expect(pairRow(lens, 'translate-spa')).toContainText('Unchanged');
  await expect(lens.page.getByText(/Answered in/)).toHaveCount(2, { timeout: 60_000 });
  // Each side's time per node.
  await expect(pairRow(lens, 'ocr').locator('td').nth(3)).toHaveText(/\d+ (ms|s)/);
  await expect(pairRow(lens, 'ocr').locator('td').nth(4)).toHaveText(/\d+ (ms|s)/);

  const ocr = pairSection(lens, 'ocr');
  const changes = ocr.getByRole('list', { name: 'Region changes' });
  // One line box in A; four word boxes in B: the line matches none of them one to one.
  // (Rows, not the counts line, which names "only in A" whatever the numbers are.)
  await expect(changes.getByRole('listitem').filter({ hasText: 'Only in A' })).toHaveCount(1);
  await expect(changes.getByRole('listitem').filter({ hasText: 'Only in B' })).toHaveCount(4);
  await expect(ocr.getByText('0 matched · 1 only in A · 4 only in B')).toBeVisible();

  // The words read are the same by line and by word, and so is their Spanish: the word diffs say so.
  await expect(ocr.getByText('Same text in both versions.')).toBeVisible();
  await expect(pairSection(lens, 'translate-spa').getByText('Same text in both versions.')).toBeVisible();
  await expect(pairSection(lens, 'translate-cat')).toContainText(/casa/i);

  // The link brings back the same comparison, the uploaded sign included.
  await lens.page.getByRole('radio', { name: 'Swipe' }).check({ force: true });
  await expect(lens.page).toHaveURL(/view=swipe/);
  await expect(lens.page).toHaveURL(/input=stored%3A/);
  await lens.page.reload();
  await expect(lens.page.getByRole('radio', { name: 'Swipe' })).toBeChecked();
  await expect(pairRow(lens, 'translate-cat')).toContainText('Added in B');
  await expect(pairSection(lens, 'ocr').getByRole('list', { name: 'Region changes' })).toBeVisible({
    timeout: 60_000,
  });
});

test('General-Detection: the lower bar of the newer version adds boxes only B lists', async ({ lens }) => {
  await startCompare(lens, 'General-Detection');
  // The threshold at 0 shows every box each version returned.
  await lens.pickFile({ name: 'table.jpg', mimeType: 'image/jpeg', buffer: await manAtTable() });
  await expect(pairRow(lens, 'detect')).toHaveAttribute('data-status', 'changed');
  await expect(pairRow(lens, 'detect')).toContainText('param min_value 0.5 → 0.25');
  const detect = pairSection(lens, 'detect');
  await expect(detect.getByRole('list', { name: 'Region changes' })).toBeVisible({ timeout: 60_000 });
  await lens.page.getByRole('slider', { name: 'Threshold' }).fill('0');
  await expect(lens.page.getByText(/Answered in/)).toHaveCount(2, { timeout: 60_000 });
  // A row of its own for each box only B found (the lower bar), and the counts say so.
  const onlyB = detect
    .getByRole('list', { name: 'Region changes' })
    .getByRole('listitem')
    .filter({ hasText: 'Only in B' });
  await expect(onlyB.first()).toBeVisible();
  await expect(detect.getByText(new RegExp(`· ${await onlyB.count()} only in B`))).toBeVisible();
  await expect(detect.getByText(/· 0 only in A ·/)).toBeVisible();
  await expect(lens.page).toHaveURL(/threshold=0(&|$)/);
});

test('Video-OCR: one scrubber drives both versions and the strip marks the frames where they disagree', async ({
  lens,
}) => {
  // Frames 0 and 2 hold one word (a line is a word: both agree); 1 and 3 hold two words.
  const clip = await slideClip(['7', 'GO UP', '8', 'BE ON']);
  await startCompare(lens, 'Video-OCR');
  await lens.tryButton.click();
  await lens.dialog
    .getByLabel('Choose a file')
    .setInputFiles({ name: 'slides.mp4', mimeType: 'video/mp4', buffer: clip });
  await lens.dialog.getByRole('button', { name: 'Run video' }).click();
  await expect(lens.dialog).toBeHidden();
  const ocr = pairSection(lens, 'ocr');
  const scrubber = ocr.getByRole('slider', { name: 'Frame' });
  await expect(scrubber).toBeVisible({ timeout: 90_000 });
  await expect(ocr.getByText(/2 of 4 frames disagree/)).toBeVisible({ timeout: 90_000 });
  await scrubber.focus();
  await ocr.getByRole('button', { name: 'Next disagreement' }).click();
  await expect(scrubber).toHaveAttribute('aria-valuenow', '1');
  await ocr.getByRole('button', { name: 'Next disagreement' }).click();
  await expect(scrubber).toHaveAttribute('aria-valuenow', '3');
  await expect(lens.page).toHaveURL(/frame=3500/);
  await lens.page.reload();
  await expect(pairSection(lens, 'ocr').getByRole('slider', { name: 'Frame' })).toHaveAttribute(
    'aria-valuenow',
    '3',
    {
      timeout: 90_000,
    },
  );
});

test('summarization: three sentences vs one, as a word-level diff of the summaries', async ({ lens }) => {
  await startCompare(lens, 'summarization');
  await lens.runText(
    'The river flooded the old town in spring. Volunteers filled sandbags along the river for days. ' +
      'The town council thanked the volunteers at a meeting. Rain stopped in May and the river went down. ' +
      'The old town reopened its market in June.',
  );
  await expect(pairRow(lens, 'summarize')).toContainText('param max_sentences 3 → 1');
  const summary = pairSection(lens, 'summarize');
  // B keeps one of A's three sentences: the other two are struck out, word by word.
  const diff = summary.getByRole('region', { name: 'Differences from version A to version B' });
  await expect(diff.locator('del')).toContainText('Volunteers filled sandbags', { timeout: 60_000 });
  await expect(diff.locator('ins')).toHaveCount(0);
  await expect(summary.getByText(/\d+ words changed \(\d+ removed, 0 added\)/)).toBeVisible();
});
