import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import type { Download, Page } from '@playwright/test';
import { flower, manAtTable } from '../engine/vision/testing/fixtures';
import { expect, test, type LensPage } from './support/lens';

/** Compare on, the two newest versions picked, the image given through the + modal. */
async function compareOn(
  lens: LensPage,
  workflowId: string,
  file: { name: string; mimeType: string; buffer: Buffer },
) {
  await lens.open(workflowId);
  await lens.page.getByRole('button', { name: 'Compare versions' }).click();
  await expect(
    lens.page.getByRole('combobox', { name: 'Version B' }).locator('option').first(),
  ).toBeAttached();
  await lens.pickFile(file);
  await expect(lens.dialog).toBeHidden();
  await expect(lens.page.getByText(/Answered in/)).toHaveCount(2, { timeout: 60_000 });
}

const section = (lens: LensPage, key: string) => lens.page.locator(`[data-pair-section="${key}"]`);

async function pickView(page: Page, name: 'Side by side' | 'Swipe' | 'Overlay') {
  await page.getByRole('radio', { name }).check({ force: true });
  await expect(page.getByRole('radio', { name })).toBeChecked();
}

async function downloaded(download: Download): Promise<Buffer> {
  const path = await download.path();
  return readFile(path);
}

test('General-Detection: the swipe divider by keyboard and by mouse, rows and boxes highlight each other, B dashed in overlay, the PNG and JSON downloads', async ({
  lens,
}) => {
  const page = lens.page;
  const table = await manAtTable();
  const { width, height } = await sharp(table).metadata();
  await compareOn(lens, 'General-Detection', { name: 'table.jpg', mimeType: 'image/jpeg', buffer: table });
  await page.getByRole('slider', { name: 'Threshold' }).fill('0');
  const detect = section(lens, 'detect');
  await expect(detect.locator('[data-rendered="true"]')).toBeVisible({ timeout: 60_000 });

  // Side by side: the PNG holds both pictures next to each other, at the input's own size.
  const sidePng = page.waitForEvent('download');
  await detect.getByRole('button', { name: 'Download comparison PNG' }).click();
  const side = await sidePng;
  expect(side.suggestedFilename()).toMatch(/\.png$/);
  const sideMeta = await sharp(await downloaded(side)).metadata();
  expect(sideMeta.format).toBe('png');
  expect(sideMeta.height).toBe(height);
  expect(sideMeta.width ?? 0).toBeGreaterThanOrEqual(2 * (width ?? 0));
  expect(sideMeta.width ?? 0).toBeLessThanOrEqual(2 * (width ?? 0) + 20);

  // Swipe: the divider moves by keyboard...
  await pickView(page, 'Swipe');
  const divider = detect.getByRole('slider', { name: 'Swipe position' });
  await expect(divider).toHaveAttribute('aria-valuenow', '50');
  await divider.focus();
  await page.keyboard.press('ArrowRight');
  await expect(divider).toHaveAttribute('aria-valuenow', '55');
  await page.keyboard.press('Home');
  await expect(divider).toHaveAttribute('aria-valuenow', '0');
  await page.keyboard.press('PageUp');
  await expect(divider).toHaveAttribute('aria-valuenow', '25');

  // ...and by dragging it with the mouse, to about three quarters of the picture.
  const picture = detect.getByRole('img', { name: 'Input', exact: true });
  const frame = await picture.boundingBox();
  const handle = await divider.boundingBox();
  if (!frame || !handle) throw new Error('no picture or divider on screen');
  await page.mouse.move(handle.x + handle.width / 2, frame.y + frame.height / 2);
  await page.mouse.down();
  await page.mouse.move(frame.x + frame.width * 0.6, frame.y + frame.height / 2, { steps: 5 });
  await page.mouse.move(frame.x + frame.width * 0.75, frame.y + frame.height / 2, { steps: 5 });
  await page.mouse.up();
  const dragged = Number(await divider.getAttribute('aria-valuenow'));
  expect(dragged).toBeGreaterThanOrEqual(73);
  expect(dragged).toBeLessThanOrEqual(77);
  // B's boxes are cut at the divider's column.
  await expect(detect.locator('[data-side="b"]')).toHaveAttribute(
    'style',
    new RegExp(`inset\\(0px 0px 0px ${dragged}`),
  );

  // The swipe PNG is one picture, the input's size.
  const swipePng = page.waitForEvent('download');
  await detect.getByRole('button', { name: 'Download comparison PNG' }).click();
  const swipeMeta = await sharp(await downloaded(await swipePng)).metadata();
  expect([swipeMeta.width, swipeMeta.height]).toEqual([width, height]);

  // The divider's place is not in the address, yet it survives a trip through the other views.
  await pickView(page, 'Overlay');
  await expect(divider).toBeHidden();
  await pickView(page, 'Side by side');
  await pickView(page, 'Swipe');
  await expect(divider).toHaveAttribute('aria-valuenow', String(dragged));

  // A row of the change list highlights its box in both versions (a matched pair), and back.
  const boxesA = detect.getByRole('img', { name: 'Version A boxes' });
  const boxesB = detect.getByRole('img', { name: 'Version B boxes' });
  const changes = detect.getByRole('list', { name: 'Region changes' });
  const pairRow = changes.getByRole('listitem').filter({ hasText: '↔' }).first();
  await expect(pairRow).toBeVisible();
  const [, boxA, boxB] =
    /^Box (\d+) ↔ Box (\d+)$/.exec((await pairRow.getByText(/^Box \d+ ↔ Box \d+$/).textContent()) ?? '') ??
    [];
  expect(boxA && boxB).toBeTruthy();
  const boxInA = boxesA.locator(`[data-region-index="${Number(boxA) - 1}"][role="img"]`);
  const boxInB = boxesB.locator(`[data-region-index="${Number(boxB) - 1}"][role="img"]`);
  await expect(boxInA).toHaveAttribute('data-highlighted', 'false');
  await pairRow.hover();
  await expect(pairRow).toHaveAttribute('data-highlighted', 'true');
  await expect(boxInA).toHaveAttribute('data-highlighted', 'true');
  await expect(boxInB).toHaveAttribute('data-highlighted', 'true');
  await page.mouse.move(0, 0);
  await expect(boxInA).toHaveAttribute('data-highlighted', 'false');
  await expect(boxInB).toHaveAttribute('data-highlighted', 'false');
  await expect(pairRow).toHaveAttribute('data-highlighted', 'false');

  // Side by side, hovering A's box lights its row and B's partner.
  await pickView(page, 'Side by side');
  await boxInA.locator('rect').first().hover({ force: true });
  await expect(boxInA).toHaveAttribute('data-highlighted', 'true');
  await expect(pairRow).toHaveAttribute('data-highlighted', 'true');
  await expect(boxInB).toHaveAttribute('data-highlighted', 'true');
  await page.mouse.move(0, 0);

  // A box only B found: hovering it lights its "Only in B" row.
  const onlyB = changes.getByRole('listitem').filter({ hasText: 'Only in B' }).first();
  await expect(onlyB).toBeVisible();
  const [, onlyIndex] = /^Box (\d+)$/.exec((await onlyB.getByText(/^Box \d+$/).textContent()) ?? '') ?? [];
  const onlyBox = boxesB.locator(`[data-region-index="${Number(onlyIndex) - 1}"][role="img"]`);
  await onlyBox.locator('rect').first().hover({ force: true });
  await expect(onlyBox).toHaveAttribute('data-highlighted', 'true');
  await expect(onlyB).toHaveAttribute('data-highlighted', 'true');
  await page.mouse.move(0, 0);

  // One zoom for both panes, kept by the other views; in swipe the divider zooms with the picture.
  const zoomed = detect.locator('[data-zoom]');
  await detect.getByRole('button', { name: 'Zoom in' }).click();
  await expect(zoomed).toHaveCount(2);
  const [zoomA, zoomB] = await zoomed.evaluateAll((frames) => frames.map((f) => f.getAttribute('data-zoom')));
  expect(zoomA).not.toBe('1.00');
  expect(zoomB).toBe(zoomA);
  await expect(zoomed.nth(1).locator('> div')).toHaveCSS(
    'transform',
    await zoomed
      .nth(0)
      .locator('> div')
      .evaluate((d) => getComputedStyle(d).transform),
  );
  await pickView(page, 'Swipe');
  await expect(zoomed).toHaveAttribute('data-zoom', zoomA ?? '');
  // Hovering at the same picture point left of the divider finds A's box, right of it B's.
  await detect.getByRole('button', { name: 'Reset zoom' }).click();
  await expect(zoomed).toHaveAttribute('data-zoom', '1.00');
  await divider.focus();
  await page.keyboard.press('End');
  await boxInA.locator('rect').first().hover({ force: true });
  await expect(boxInA).toHaveAttribute('data-highlighted', 'true');
  await expect(pairRow).toHaveAttribute('data-highlighted', 'true');
  await page.mouse.move(0, 0);
  await page.keyboard.press('Home');
  await expect(divider).toHaveAttribute('aria-valuenow', '0');
  await onlyBox.locator('rect').first().hover({ force: true });
  await expect(onlyB).toHaveAttribute('data-highlighted', 'true');
  await page.mouse.move(0, 0);
  await expect(onlyB).toHaveAttribute('data-highlighted', 'false');

  // Overlay: A solid, B dashed.
  await pickView(page, 'Overlay');
  const dashOf = (boxes: typeof boxesA) =>
    boxes
      .locator('[data-region-index] rect')
      .first()
      .evaluate((rect) => getComputedStyle(rect).strokeDasharray);
  expect(await dashOf(boxesA)).toBe('none');
  expect(await dashOf(boxesB)).toMatch(/^6(px)?,? 4(px)?$/);
  // B's boxes lie over A's: one layer on top finds the box under the pointer in either version.
  await onlyBox.locator('rect').first().hover({ force: true });
  await expect(onlyBox).toHaveAttribute('data-highlighted', 'true');
  await expect(onlyB).toHaveAttribute('data-highlighted', 'true');
  await boxInA.locator('rect').first().hover({ force: true });
  await expect(pairRow).toHaveAttribute('data-highlighted', 'true');
  await page.mouse.move(0, 0);
  await expect(pairRow).toHaveAttribute('data-highlighted', 'false');
  const overlayPng = page.waitForEvent('download');
  await detect.getByRole('button', { name: 'Download comparison PNG' }).click();
  const overlayMeta = await sharp(await downloaded(await overlayPng)).metadata();
  expect([overlayMeta.width, overlayMeta.height]).toEqual([width, height]);

  // The differences as JSON: the compare format, with the node pair.
  const jsonDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download differences (JSON)' }).click();
  const json: unknown = JSON.parse(String(await downloaded(await jsonDownload)));
  expect(json).toMatchObject({
    format: 'workflow-lens/compare',
    workflow: { id: 'General-Detection' },
  });
  const nodes =
    (json as { nodes?: { key?: string; status?: string; diffs?: Record<string, unknown> }[] }).nodes ?? [];
  expect(nodes.map((pair) => [pair.key, pair.status])).toEqual([['detect', 'changed']]);
  // The regions B alone found at the threshold (0) are listed, as on screen.
  const regions = nodes[0]?.diffs?.regions as { matched: unknown[]; bOnly: { label: string }[] } | undefined;
  expect(regions?.matched.length).toBeGreaterThan(0);
  expect(regions?.bOnly.length).toBe(
    await changes.getByRole('listitem').filter({ hasText: 'Only in B' }).count(),
  );
});

test('Person-Segmentation: the wider mask of B disagrees with A, painted on request, and the agreement per class', async ({
  lens,
}) => {
  const page = lens.page;
  await compareOn(lens, 'Person-Segmentation', {
    name: 'table.jpg',
    mimeType: 'image/jpeg',
    buffer: await manAtTable(),
  });
  const segment = section(lens, 'segment');
  const agreement = segment.getByRole('table', { name: 'Mask agreement' });
  await expect(agreement).toBeVisible({ timeout: 60_000 });
  // A has one person mask; B a wider person mask and a background region.
  const person = agreement.getByRole('row', { name: /person/ });
  await expect(person).toContainText('both');
  const iou = Number(await person.getByRole('cell').nth(1).textContent());
  expect(iou).toBeGreaterThan(0);
  expect(iou).toBeLessThan(1);
  await expect(agreement.getByRole('row', { name: /background/ })).toContainText('only B');
  await expect(
    agreement
      .getByRole('row', { name: /background/ })
      .getByRole('cell')
      .nth(1),
  ).toHaveText('0.00');

  // The person masks score under the default threshold: at 0 every mask is drawn.
  await page.getByRole('slider', { name: 'Threshold' }).fill('0');
  await expect(segment.getByText('1 matched · 0 only in A · 1 only in B')).toBeVisible();
  // The side-by-side PNG draws each version's masks over its copy of the picture.
  const input = await manAtTable();
  const { width = 0, height = 0 } = await sharp(input).metadata();
  const pngDownload = page.waitForEvent('download');
  await segment.getByRole('button', { name: 'Download comparison PNG' }).click();
  const png = sharp(await downloaded(await pngDownload));
  const meta = await png.metadata();
  expect(meta.height).toBe(height);
  expect(meta.width ?? 0).toBeGreaterThanOrEqual(2 * width);
  const original = await sharp(input).removeAlpha().raw().toBuffer();
  const differenceFrom = async (left: number) => {
    const half = await png.clone().extract({ left, top: 0, width, height }).removeAlpha().raw().toBuffer();
    let sum = 0;
    for (let i = 0; i < half.length; i++) sum += Math.abs((half[i] ?? 0) - (original[i] ?? 0));
    return sum / half.length;
  };
  // B's background region covers more of the picture than A's person mask: B differs more.
  const tintA = await differenceFrom(0);
  const tintB = await differenceFrom((meta.width ?? 0) - width);
  expect(tintA).toBeGreaterThan(3);
  expect(tintB).toBeGreaterThan(tintA);

  const disagreement = segment.getByRole('img', { name: 'Mask disagreement' });
  await expect(disagreement).toHaveCount(0);
  await segment.getByRole('checkbox', { name: 'Show disagreement' }).check();
  await expect(disagreement).toHaveCount(2); // one per side in the side-by-side view
  const painted = await disagreement.first().evaluate((element) => {
    if (!(element instanceof HTMLCanvasElement)) return -1;
    const context = element.getContext('2d');
    if (!context) return -1;
    const { data } = context.getImageData(0, 0, element.width, element.height);
    let count = 0;
    for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) count++;
    return count / (element.width * element.height);
  });
  // B claims the background too: much of the picture is painted, never all of it.
  expect(painted).toBeGreaterThan(0.05);
  expect(painted).toBeLessThan(1);
  await pickView(page, 'Overlay');
  await expect(disagreement).toHaveCount(1);
  await segment.getByRole('checkbox', { name: 'Show disagreement' }).uncheck();
  await expect(disagreement).toHaveCount(0);

  // The differences file carries the same agreement per class.
  const jsonDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download differences (JSON)' }).click();
  const json = JSON.parse(String(await downloaded(await jsonDownload))) as {
    nodes: { key: string; diffs: { masks?: { className: string; presence: string; iou: number }[] } }[];
  };
  const masks = json.nodes.find((pair) => pair.key === 'segment')?.diffs.masks ?? [];
  expect(masks.map((mask) => [mask.className, mask.presence]).sort()).toEqual([
    ['background', 'b-only'],
    ['person', 'both'],
  ]);
  expect(masks.find((mask) => mask.className === 'person')?.iou).toBeCloseTo(iou, 2);
});

test('Upscale: ×2 against ×4, each picture with its pixel size, and B over A at an adjustable opacity', async ({
  lens,
}) => {
  const page = lens.page;
  await compareOn(lens, 'Upscale', { name: 'flower.png', mimeType: 'image/png', buffer: await flower() });
  const upscale = section(lens, 'upscale');
  await expect(upscale.getByText('A: 256×256 px')).toBeVisible({ timeout: 60_000 });
  await expect(upscale.getByText('B: 512×512 px')).toBeVisible();

  // Swipe: B is cut at the divider, which the keyboard moves.
  await pickView(page, 'Swipe');
  const imageB = upscale.getByRole('img', { name: 'Version B image' });
  const divider = upscale.getByRole('slider', { name: 'Swipe position' });
  await expect(imageB).toHaveCSS('clip-path', 'inset(0px 0px 0px 50%)');
  await divider.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(divider).toHaveAttribute('aria-valuenow', '45');
  await expect(imageB).toHaveCSS('clip-path', 'inset(0px 0px 0px 45%)');

  await pickView(page, 'Overlay');
  await expect(divider).toBeHidden();
  await expect(upscale.getByText('A: 256×256 px')).toBeVisible();
  await expect(upscale.getByText('B: 512×512 px')).toBeVisible();
  const opacity = upscale.getByRole('slider', { name: 'B opacity' });
  await expect(opacity).toHaveValue('50');
  await expect.poll(() => imageB.evaluate((img) => getComputedStyle(img).opacity)).toBe('0.5');
  await opacity.fill('20');
  await expect.poll(() => imageB.evaluate((img) => getComputedStyle(img).opacity)).toBe('0.2');
  // B is drawn over A's box: the same place on screen, whatever its own size.
  const boxA = await upscale.getByRole('img', { name: 'Version A image' }).boundingBox();
  const boxB = await imageB.boundingBox();
  expect(boxB?.width).toBeCloseTo(boxA?.width ?? 0, 0);
  expect(boxB?.height).toBeCloseTo(boxA?.height ?? 0, 0);
});
