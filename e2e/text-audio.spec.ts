import { renderSign } from './support/media';
import { spokenWav } from './support/speech';
import { expect, test, type LensPage } from './support/lens';

/** The meters of a node's concepts, as {name: value}. */
async function conceptValues(lens: LensPage, nodeId: string) {
  const meters = lens.node(nodeId).getByRole('meter');
  await expect(meters.first()).toBeVisible();
  const entries = await meters.evaluateAll((els) =>
    els.map((el) => [el.getAttribute('aria-label') ?? '', Number(el.getAttribute('aria-valuenow'))] as const),
  );
  return Object.fromEntries(entries);
}

test('a text gets sentiment concepts', async ({ lens }) => {
  await lens.open('text-classifier');
  await lens.versionPicker.selectOption({ index: 1 });
  await lens.runText('I love this wonderful, happy day. Everything is great!');
  const values = await conceptValues(lens, 'sentiment');
  expect(values.positive).toBeGreaterThan(values.negative ?? 0);
});

test('two texts about different topics land in different clusters', async ({ lens }) => {
  await lens.open('Language-Understanding');
  await lens.versionPicker.selectOption({ index: 1 });
  await lens.runText(
    'Whisk the eggs with flour and sugar, then bake the cake in the oven.\nThe striker scored a goal and the football team won the match.',
    { perLine: true },
  );
  const inputs = lens.page.getByRole('list', { name: 'Inputs' }).getByRole('listitem');
  await expect(inputs).toHaveCount(2);
  const clusterOf = async (index: number) => {
    await inputs.nth(index).getByRole('button').first().click();
    const cell = lens
      .node('text-clustering')
      .getByRole('table', { name: 'Clusters' })
      .getByRole('cell')
      .first();
    await expect(cell).not.toBeEmpty();
    return cell.textContent();
  };
  const first = await clusterOf(0);
  const second = await clusterOf(1);
  expect(first).not.toBe(second);
});

test('a text becomes speech that plays', async ({ lens }) => {
  await lens.open('text-to-audio');
  await lens.runText('Hello from Workflow Lens.');
  const audio = lens.node('speak').getByLabel('Output audio');
  await expect
    .poll(() => audio.evaluate((el: HTMLAudioElement) => (Number.isFinite(el.duration) ? el.duration : 0)))
    .toBeGreaterThan(0.5);
});

test('a spoken sentence comes back as its words and a sentiment', async ({ lens }) => {
  const speech = await spokenWav('the weather is wonderful today');
  try {
    await lens.open('asr-sentiment');
    await lens.versionPicker.selectOption({ index: 1 });
    await lens.runAudioFile(speech.file);
    await expect(lens.node('audio-speech-recognition')).toContainText(/wonderful/i);
    await expect(lens.node('audio-speech-recognition')).toContainText(/today/i);
    await conceptValues(lens, 'text-sentiment-classification');
  } finally {
    await speech.dispose();
  }
});

test('an image with a caption gets both its OCR text and the caption’s sentiment in one call', async ({
  lens,
}) => {
  await lens.open('multimodal');
  await lens.versionPicker.selectOption({ index: 1 });
  await lens.tryButton.click();
  await lens.dialog.getByRole('textbox', { name: 'Caption' }).fill('What a terrible, awful sign.');
  await lens.dialog
    .getByLabel('Choose a file')
    .setInputFiles({ name: 'sign.png', mimeType: 'image/png', buffer: await renderSign(['OPEN DAILY']) });
  await expect(lens.dialog).toBeHidden();
  await expect(lens.node('ocr')).toContainText('OPEN DAILY');
  const values = await conceptValues(lens, 'caption-sentiment');
  expect(values.negative).toBeGreaterThan(values.positive ?? 0);
});

test('twelve files in one batch give twelve results', async ({ lens }) => {
  await lens.open('ocr-translate');
  const files = await Promise.all(
    Array.from({ length: 12 }, async (_, i) => ({
      name: `sign-${i + 1}.png`,
      mimeType: 'image/png',
      buffer: await renderSign([`ROOM ${i + 1}`]),
    })),
  );
  await lens.tryButton.click();
  await lens.dialog.getByLabel('Choose a file').setInputFiles(files);
  await expect(lens.dialog).toBeHidden({ timeout: 60_000 });
  const inputs = lens.page.getByRole('list', { name: 'Inputs' }).getByRole('listitem');
  await expect(inputs).toHaveCount(12);
  await inputs.nth(6).getByRole('button').first().click();
  await expect(lens.node('ocr')).toContainText('ROOM 7');
});
