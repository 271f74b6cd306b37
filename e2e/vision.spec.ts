import { faceStrip, flower, manAtTable } from '../engine/vision/testing/fixtures';
import { expect, test, type LensPage } from './support/lens';

const jpeg = (name: string, buffer: Buffer) => ({ name, mimeType: 'image/jpeg', buffer });
const png = (name: string, buffer: Buffer) => ({ name, mimeType: 'image/png', buffer });

/** Every node's section appears, in workflow order, with an Ok status. */
async function expectNodesInOrder(lens: LensPage, nodeIds: readonly string[]) {
  for (const id of nodeIds) await expect(lens.node(id)).toContainText('Ok');
  const order = await lens.page
    .locator('section[data-node-id]')
    .evaluateAll((sections) => sections.map((s) => s.getAttribute('data-node-id')));
  expect(order).toEqual(nodeIds);
}

const boxes = (section: ReturnType<LensPage['node']>) =>
  section.getByRole('img', { name: 'Region boxes' }).locator('[aria-label^="Box "]');

test('Face-Sentiment boxes every face, shows the crops, and labels each face with an emotion', async ({
  lens,
}) => {
  await lens.open('Face-Sentiment');
  await lens.versionPicker.selectOption({ index: 1 });
  await lens.pickFile(jpeg('faces.jpg', await faceStrip()));
  await expectNodesInOrder(lens, ['face-det', 'margin-110', 'face-sentiment']);
  await expect(boxes(lens.node('face-det'))).toHaveCount(5);
  await expect(lens.node('margin-110').getByRole('img', { name: /crop/i })).toHaveCount(5);
  const emotions = /happiness|neutral|sadness|surprise|anger|disgust|fear/;
  await expect(boxes(lens.node('face-sentiment'))).toHaveCount(5);
  await expect(boxes(lens.node('face-sentiment')).first()).toHaveAttribute('aria-label', emotions);

  // Hovering a box lights up its row.
  const sentiment = lens.node('face-sentiment');
  await boxes(sentiment).nth(2).hover();
  await expect(
    sentiment.getByRole('list', { name: 'Regions' }).locator('[data-highlighted="true"]'),
  ).toHaveCount(1);
});

test('General-Detection finds the person, and the threshold hides weaker boxes', async ({ lens }) => {
  await lens.open('General-Detection');
  await lens.pickFile(jpeg('table.jpg', await manAtTable()));
  const detect = lens.node('detect');
  await expect(detect).toContainText('Ok');
  await expect(detect.locator('[aria-label^="Box "][aria-label*="person"]').first()).toBeAttached();
  // The overlay says how many boxes it shows; the threshold is one control for every node.
  const overlay = detect.getByRole('img', { name: 'Region boxes' });
  const shown = async () => Number(await overlay.getAttribute('data-box-count'));
  const before = await shown();
  expect(before).toBeGreaterThan(0);
  const threshold = lens.page.getByRole('slider', { name: 'Threshold' });
  await threshold.fill('0.99');
  await expect(overlay).toHaveAttribute('data-box-count', '0');
  await threshold.fill('0');
  await expect(overlay).toHaveAttribute('data-box-count', String(before));

  // Switching a class off in the legend hides its boxes; switching it on brings them back.
  const personBoxes = await detect.locator('[aria-label^="Box "][aria-label*="person"]').count();
  expect(personBoxes).toBeGreaterThan(0);
  const person = detect.getByRole('group', { name: 'Legend' }).getByRole('checkbox', { name: 'person' });
  await person.uncheck();
  await expect(overlay).toHaveAttribute('data-box-count', String(before - personBoxes));
  await person.check();
  await expect(overlay).toHaveAttribute('data-box-count', String(before));
});

test('Person-Segmentation overlays a mask whose opacity follows the slider', async ({ lens }) => {
  await lens.open('Person-Segmentation');
  await lens.pickFile(jpeg('table.jpg', await manAtTable()));
  const segment = lens.node('segment');
  await expect(segment).toContainText('person');
  const masks = segment.getByRole('img', { name: 'Segmentation masks' });
  await expect(masks).toHaveAttribute('data-rendered', 'true');
  const opacity = () => masks.evaluate((el) => getComputedStyle(el).opacity);
  const before = await opacity();
  await lens.page.getByRole('slider', { name: 'Mask opacity' }).fill('0.1');
  await expect.poll(opacity).not.toBe(before);
  expect(Number(await opacity())).toBeCloseTo(0.1, 2);
});

test('Upscale returns a larger image, and the newer version a larger one still', async ({ lens }) => {
  await lens.open('Upscale');
  await lens.versionPicker.selectOption({ index: 1 }); // ×2
  await lens.pickFile(png('flower.png', await flower()));
  await expect(lens.node('upscale')).toContainText('256 × 256');
  await lens.versionPicker.selectOption({ index: 0 }); // ×4
  await lens.pickFile(png('flower.png', await flower()));
  await expect(lens.node('upscale')).toContainText('512 × 512');
});

test('Face-Search embeds each face and plots the clusters', async ({ lens }) => {
  await lens.open('Face-Search');
  await lens.versionPicker.selectOption({ index: 1 }); // the newer version hides the crop output
  await lens.pickFile(jpeg('faces.jpg', await faceStrip()));
  await expectNodesInOrder(lens, ['face-detect', 'crop', 'face-embed', 'face-cluster']);
  await expect(
    lens
      .node('face-cluster')
      .getByRole('img', { name: /cluster/i })
      .first(),
  ).toBeVisible();
  await expect(lens.node('face-embed')).toContainText(/1024/);
});

test('Demographics, Object-Search and Moderation answer every node in order', async ({ lens }) => {
  await lens.open('Demographics');
  await lens.versionPicker.selectOption({ index: 1 });
  await lens.pickFile(jpeg('faces.jpg', await faceStrip()));
  await expectNodesInOrder(lens, [
    'detect-concept',
    'image-crop',
    'demographics-age',
    'demographics-gender',
    'face-sentiment',
  ]);
  await expect(lens.node('demographics-gender')).toContainText(/masculine|feminine/);

  await lens.open('Object-Search');
  await lens.pickFile(jpeg('table.jpg', await manAtTable()));
  await expect(lens.node('embed')).toContainText('Ok');

  await lens.open('Moderation');
  await lens.pickFile(png('flower.png', await flower()));
  await expect(lens.node('moderate').getByRole('meter').first()).toBeVisible();
  await expect(lens.node('embed')).toContainText(/1280/);
});
