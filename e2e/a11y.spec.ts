import AxeBuilder from '@axe-core/playwright';
import { faceStrip, flower, manAtTable } from '../engine/vision/testing/fixtures';
import { countingClip } from '../engine/video/test-clips';
import { renderSign } from './support/media';
import { spokenWav } from './support/speech';
import { expect, test, type LensPage } from './support/lens';

/** No serious or critical WCAG 2.0, 2.1 or 2.2 A/AA violation on what is on screen now; the report names each. */
async function expectAccessible(lens: LensPage, what: string, { soft = false } = {}) {
  const results = await new AxeBuilder({ page: lens.page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = blocking.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n` +
      v.nodes
        .slice(0, 5)
        .map((n) => `  ${n.target.join(' ')}\n    ${n.failureSummary?.replace(/\n/g, '\n    ') ?? ''}`)
        .join('\n'),
  );
  (soft ? expect.soft : expect)(report, `accessibility violations on ${what}`).toEqual([]);
}

/**
 * Waits for the colour transitions a theme switch starts (rows with `transition-colors`): axe
 * measuring a colour halfway from dark to light would report a contrast nobody sees for long.
 */
const transitionsSettled = (lens: LensPage) =>
  lens.page.evaluate(() =>
    Promise.allSettled(
      document
        .getAnimations()
        .filter((animation) => animation instanceof CSSTransition)
        .map((animation) => animation.finished),
    ),
  );

/**
 * The same screen checked in the light and then the dark theme, switched with the header's Theme
 * control: one run of a workflow serves both. Soft, so one run reports every violation of both.
 */
async function expectAccessibleInBothThemes(lens: LensPage, what: string) {
  const theme = lens.page.getByRole('combobox', { name: 'Theme' });
  for (const [option, value] of [
    ['Light', 'light'],
    ['Dark', 'dark'],
  ] as const) {
    await theme.selectOption(option);
    await expect.poll(() => lens.page.evaluate(() => document.documentElement.dataset.theme)).toBe(value);
    await transitionsSettled(lens);
    await expectAccessible(lens, `${what} (${value} theme)`, { soft: true });
  }
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
      await lens.runText('I love this wonderful, happy day. Everything is great!');
      await expect(lens.page.getByRole('meter').first()).toBeVisible();
      await expectAccessible(lens, 'text classification results');
    });
  });
}

const jpeg = (name: string, buffer: Buffer) => ({ name, mimeType: 'image/jpeg', buffer });

// Each workflow runs once; its results are checked in the light theme, then the dark one.
test.describe('every output kind, in both themes', () => {
  test('the empty state with its samples, then Recent inputs', async ({ lens }) => {
    await lens.open('ocr-translate');
    const samples = lens.page.getByRole('region', { name: 'Or try a sample' });
    await expect(samples.getByRole('button', { name: /Sign/ })).toBeVisible();
    await expectAccessibleInBothThemes(lens, 'the empty state and its sample buttons');

    await samples.getByRole('button', { name: /Sign/ }).click();
    await expect(lens.node('ocr')).toContainText('OPEN DAILY', { timeout: 30_000 });
    const recent = lens.page.getByRole('region', { name: 'Recent inputs' });
    await expect(recent.getByRole('button', { name: 'Run again: sign.png' })).toBeVisible();
    await expectAccessibleInBothThemes(lens, 'Recent inputs');
  });

  test('the try modal on each of its tabs, and with a video picked', async ({ lens }) => {
    const page = lens.page;
    await lens.open('Video-OCR');
    const clip = await countingClip({ seconds: 1 });
    // The modal makes the header inert, so the theme is switched before each opening.
    for (const [option, value] of [
      ['Light', 'light'],
      ['Dark', 'dark'],
    ] as const) {
      await page.getByRole('combobox', { name: 'Theme' }).selectOption(option);
      await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(value);
      await lens.tryButton.click();
      await expect(lens.dialog).toBeVisible();
      await transitionsSettled(lens);
      await expect(lens.dialog).toBeVisible();
      const tabs = lens.dialog.getByRole('tab');
      await expect(tabs).not.toHaveCount(0);
      const names = await tabs.allTextContents();
      expect(names).toContain('Text');
      for (const name of names) {
        await lens.dialog.getByRole('tab', { name }).click();
        await expect(lens.dialog.getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true');
        await expectAccessible(lens, `the try modal's ${name} tab (${value} theme)`, { soft: true });
      }
      await lens.dialog.getByRole('tab', { name: names[0] }).click();
      // A file the workflow cannot take: the modal says so in an alert before sending anything.
      await lens.dialog
        .getByLabel('Choose a file')
        .setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a picture') });
      await expect(lens.dialog.getByRole('alert')).toContainText('notes.txt');
      await expectAccessible(lens, `the try modal's alert for a refused file (${value} theme)`, {
        soft: true,
      });
      await lens.dialog
        .getByLabel('Choose a file')
        .setInputFiles({ name: 'count.mp4', mimeType: 'video/mp4', buffer: clip });
      await expect(lens.dialog.getByRole('spinbutton', { name: 'Sample interval (ms)' })).toBeVisible();
      await expectAccessible(lens, `the try modal with a video picked (${value} theme)`, { soft: true });
      await page.keyboard.press('Escape');
      await expect(lens.dialog).toBeHidden();
    }
  });

  test('an error toast', async ({ lens }) => {
    await lens.page.goto('/?workflow=ocr-translate&input=stored%3Amissing0000000');
    const toast = lens.page.locator('[data-toaster]').getByRole('alert');
    await expect(toast).toContainText('Could not bring back the input in this link');
    // Held while the pointer is on it, so it outlives both checks.
    await toast.hover();
    await expectAccessibleInBothThemes(lens, 'an error toast');
    await expect(toast).toBeVisible();
  });

  test('segmentation masks', async ({ lens }) => {
    await lens.open('Person-Segmentation');
    await lens.pickFile(jpeg('table.jpg', await manAtTable()));
    const segment = lens.node('segment');
    await expect(segment).toContainText('person');
    await expect(segment.getByRole('img', { name: 'Segmentation masks' })).toHaveAttribute(
      'data-rendered',
      'true',
    );
    await expectAccessibleInBothThemes(lens, 'segmentation masks');
  });

  test('crops and a concept for each region', async ({ lens }) => {
    await lens.open('Face-Sentiment');
    await lens.versionPicker.selectOption({ index: 1 });
    await lens.pickFile(jpeg('faces.jpg', await faceStrip()));
    await expect(lens.node('margin-110').getByRole('img', { name: /crop/i })).toHaveCount(5);
    await expect(
      lens.node('face-sentiment').getByRole('img', { name: 'Region boxes' }).locator('[aria-label^="Box "]'),
    ).toHaveCount(5);
    await expectAccessibleInBothThemes(lens, 'crops and per-region concepts');

    // A hovered box lights up its row; the highlighted row is read in both themes too.
    const sentiment = lens.node('face-sentiment');
    await sentiment.getByRole('img', { name: 'Region boxes' }).locator('[aria-label^="Box "]').nth(1).hover();
    await expect(
      sentiment.getByRole('list', { name: 'Regions' }).locator('[data-highlighted="true"]'),
    ).toHaveCount(1);
    await expectAccessibleInBothThemes(lens, 'a highlighted region row');
    await expect(
      sentiment.getByRole('list', { name: 'Regions' }).locator('[data-highlighted="true"]'),
    ).toHaveCount(1);

    // `j` shows every node's raw JSON.
    await lens.page.mouse.move(0, 0);
    await lens.page.keyboard.press('j');
    await expect(sentiment.locator('pre')).toContainText('"regions"');
    await expectAccessibleInBothThemes(lens, 'the raw JSON of every node');
  });

  test('a detector with a class switched off, then every box under the threshold', async ({ lens }) => {
    await lens.open('General-Detection');
    await lens.pickFile(jpeg('table.jpg', await manAtTable()));
    const detect = lens.node('detect');
    const overlay = detect.getByRole('img', { name: 'Region boxes' });
    await expect(overlay).not.toHaveAttribute('data-box-count', '0');
    await detect.getByRole('group', { name: 'Legend' }).getByRole('checkbox', { name: 'person' }).uncheck();
    await expectAccessibleInBothThemes(lens, 'a legend with a class switched off');
    await lens.page.getByRole('slider', { name: 'Threshold' }).fill('0.99');
    await expect(overlay).toHaveAttribute('data-box-count', '0');
    await expectAccessibleInBothThemes(lens, 'detections all under the threshold');
  });

  test('an output image', async ({ lens }) => {
    await lens.open('Upscale');
    await lens.pickFile({ name: 'flower.png', mimeType: 'image/png', buffer: await flower() });
    await expect(lens.node('upscale')).toContainText(/\d+ × \d+/);
    await expectAccessibleInBothThemes(lens, 'an output image');
  });

  test('output audio and its waveform', async ({ lens }) => {
    await lens.open('text-to-audio');
    await lens.runText('Hello from Workflow Lens.');
    const speak = lens.node('speak');
    await expect(speak.getByLabel('Output audio')).toBeAttached();
    await expect(speak.getByRole('img', { name: 'Audio waveform' })).toBeVisible();
    await expectAccessibleInBothThemes(lens, 'output audio');
  });

  test('a transcript and its sentiment', async ({ lens }) => {
    const speech = await spokenWav('the weather is wonderful today');
    try {
      await lens.open('asr-sentiment');
      await lens.versionPicker.selectOption({ index: 1 });
      await lens.runAudioFile(speech.file);
      await expect(lens.node('audio-speech-recognition')).toContainText(/wonderful/i);
      await expect(lens.node('text-sentiment-classification').getByRole('meter').first()).toBeVisible();
      await expectAccessibleInBothThemes(lens, 'a transcript');
    } finally {
      await speech.dispose();
    }
  });

  test('a node whose model is not deployed, beside the nodes that ran', async ({ lens }) => {
    // No LLM endpoint is configured for the suite's engine, so the generation node answers 21353.
    await lens.open('text-generation');
    await lens.runText('Why is the sky blue?');
    await expect(lens.page.getByRole('note', { name: 'Model not deployed' })).toBeVisible({
      timeout: 30_000,
    });
    await expect(lens.page.getByText('Ok', { exact: true }).first()).toBeVisible();
    await expectAccessibleInBothThemes(lens, 'a not-deployed node');
  });

  test('a batch of two texts: the Inputs list, embeddings and clusters', async ({ lens }) => {
    await lens.open('Language-Understanding');
    await lens.versionPicker.selectOption({ index: 1 });
    await lens.runText(
      'Whisk the eggs with flour and sugar, then bake the cake in the oven.\nThe striker scored a goal and the football team won the match.',
      { perLine: true },
    );
    await expect(lens.page.getByRole('list', { name: 'Inputs' }).getByRole('listitem')).toHaveCount(2);
    await expect(
      lens.node('text-clustering').getByRole('table', { name: 'Clusters' }).getByRole('cell').first(),
    ).not.toBeEmpty();
    await expectAccessibleInBothThemes(lens, 'a batch with embeddings and clusters');
  });

  test('face embeddings and their cluster plot', async ({ lens }) => {
    await lens.open('Face-Search');
    await lens.versionPicker.selectOption({ index: 1 });
    await lens.pickFile(jpeg('faces.jpg', await faceStrip()));
    await expect(lens.node('face-embed')).toContainText(/1024/);
    await expect(
      lens
        .node('face-cluster')
        .getByRole('img', { name: /cluster/i })
        .first(),
    ).toBeVisible();
    await expectAccessibleInBothThemes(lens, 'face embeddings and clusters');
  });

  test('the video player and its timeline', async ({ lens }) => {
    const clip = await countingClip({ seconds: 3 });
    await lens.open('Video-OCR');
    await lens.versionPicker.selectOption({ index: 1 });
    await lens.tryButton.click();
    await lens.dialog
      .getByLabel('Choose a file')
      .setInputFiles({ name: 'count.mp4', mimeType: 'video/mp4', buffer: clip });
    await lens.dialog.getByRole('button', { name: 'Run video' }).click();
    await expect(lens.dialog).toBeHidden({ timeout: 60_000 });
    const ocr = lens.node('ocr');
    await expect(ocr.getByRole('group', { name: 'Video player' })).toBeVisible();
    await expect(ocr.getByRole('slider', { name: 'Timeline' })).toHaveAttribute('aria-valuemax', '2');
    await expect(ocr.getByRole('heading', { name: 'Frame 0 at 0.5 s' })).toBeVisible();
    await expectAccessibleInBothThemes(lens, 'the video player');

    // A keyboard step along the timeline: the focused slider, the next frame and its boxes.
    const timeline = ocr.getByRole('slider', { name: 'Timeline' });
    await timeline.focus();
    await timeline.press('ArrowRight');
    await expect(ocr.getByRole('heading', { name: 'Frame 1 at 1.5 s' })).toBeVisible();
    await expectAccessibleInBothThemes(lens, 'the video player on its second frame');
  });
});

/** Turns on Compare versions and waits until version B is chosen. */
async function startComparing(lens: LensPage) {
  await lens.page.getByRole('button', { name: 'Compare versions' }).click();
  await expect(
    lens.page.getByRole('combobox', { name: 'Version B' }).locator('option').first(),
  ).toBeAttached();
}

const bothAnswered = (lens: LensPage) =>
  expect(lens.page.getByText(/Answered in/)).toHaveCount(2, { timeout: 60_000 });

// The compare view of the kinds the detector and OCR compare tests above leave out.
test.describe('more compare views, in both themes', () => {
  test('masks: the agreement table', async ({ lens }) => {
    await lens.open('Person-Segmentation');
    await startComparing(lens);
    await lens.pickFile(jpeg('table.jpg', await manAtTable()));
    await expect(lens.dialog).toBeHidden();
    await bothAnswered(lens);
    await expect(lens.page.getByRole('table', { name: 'Mask agreement' })).toBeVisible({ timeout: 60_000 });
    await expectAccessibleInBothThemes(lens, 'the compare view of masks');
  });

  test('concepts of a text, in two versions with different nodes', async ({ lens }) => {
    await lens.open('text-classifier');
    await startComparing(lens);
    await lens.runText('I love this wonderful, happy day. Everything is great!');
    await bothAnswered(lens);
    await expect(lens.node('sentiment').getByRole('table', { name: 'Concept changes' })).toBeVisible();
    await expect(lens.node('language').getByRole('meter').first()).toBeVisible();
    await expectAccessibleInBothThemes(lens, 'the compare view of concepts');
  });

  test('speech from a text, in two versions', async ({ lens }) => {
    await lens.open('text-to-audio');
    await startComparing(lens);
    await lens.runText('Hello from Workflow Lens.');
    await bothAnswered(lens);
    await expect(lens.node('speak').getByRole('group', { name: 'Which version plays' })).toBeVisible();
    await expectAccessibleInBothThemes(lens, 'the compare view of audio');
  });

  test('embeddings and clusters of a text, in two versions', async ({ lens }) => {
    await lens.open('Language-Understanding');
    await startComparing(lens);
    await lens.runText('Whisk the eggs with flour and sugar, then bake the cake in the oven.');
    await bothAnswered(lens);
    await expect(lens.page.locator('[data-pair-section]').first()).toBeVisible({ timeout: 60_000 });
    await expectAccessibleInBothThemes(lens, 'the compare view of embeddings and clusters');
  });

  test('the frames of a video', async ({ lens }) => {
    const clip = await countingClip({ seconds: 3 });
    await lens.open('Video-OCR');
    await startComparing(lens);
    await lens.tryButton.click();
    await lens.dialog
      .getByLabel('Choose a file')
      .setInputFiles({ name: 'count.mp4', mimeType: 'video/mp4', buffer: clip });
    await lens.dialog.getByRole('button', { name: 'Run video' }).click();
    await expect(lens.dialog).toBeHidden({ timeout: 60_000 });
    await bothAnswered(lens);
    await expect(
      lens.page.getByRole('group', { name: /^Frames of .*, version A against B$/ }).first(),
    ).toBeVisible({
      timeout: 60_000,
    });
    await expectAccessibleInBothThemes(lens, 'the compare view of video frames');
  });
});

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
