import { countingClip } from '../engine/video/test-clips';
import { expect, test, type LensPage } from './support/lens';

/** Picks a clip in the modal, sets the sample interval and runs. */
async function runClip(lens: LensPage, clip: Buffer, sampleMs?: number) {
  await lens.tryButton.click();
  await lens.dialog
    .getByLabel('Choose a file')
    .setInputFiles({ name: 'count.mp4', mimeType: 'video/mp4', buffer: clip });
  const interval = lens.dialog.getByRole('spinbutton', { name: 'Sample interval (ms)' });
  await expect(interval).toHaveValue('1000');
  if (sampleMs !== undefined) await interval.fill(String(sampleMs));
  await lens.dialog.getByRole('button', { name: 'Run video' }).click();
  await expect(lens.dialog).toBeHidden({ timeout: 60_000 });
}

test('every sampled frame of a counting clip is read at its time, on the timeline and over the player', async ({
  lens,
}) => {
  const clip = await countingClip({ seconds: 5 });
  await lens.open('Video-OCR');
  await lens.versionPicker.selectOption({ index: 1 }); // v1: OCR by line only
  await runClip(lens, clip);

  const ocr = lens.node('ocr');
  await expect(ocr.getByRole('group', { name: 'Video player' })).toBeVisible();
  const timeline = ocr.getByRole('slider', { name: 'Timeline' });
  await expect(timeline).toHaveAttribute('aria-valuemax', '4');
  await timeline.focus();
  for (let k = 0; k < 5; k++) {
    // Frame k sits at the middle of second k and shows the digit k.
    await expect(ocr.getByRole('heading', { name: `Frame ${k} at ${k}.5 s` })).toBeVisible();
    await expect(timeline).toHaveAttribute('aria-valuenow', String(k));
    await expect(timeline).toHaveAttribute('aria-valuetext', new RegExp(`\\b${k}$`));
    await expect(
      ocr.getByRole('img', { name: 'Region boxes' }).locator(`[aria-label^="Box 1: ${k}"]`),
    ).toBeAttached();
    if (k > 0) {
      // Stepping moved the player itself to that frame's time.
      const player = ocr.getByRole('group', { name: 'Video player' }).getByLabel('Input video');
      await expect
        .poll(() => player.evaluate((video: HTMLVideoElement) => video.currentTime))
        .toBeCloseTo(k + 0.5, 1);
    }
    if (k < 4) await timeline.press('ArrowRight');
  }
  // And back again, one frame at a time.
  await timeline.press('ArrowLeft');
  await expect(timeline).toHaveAttribute('aria-valuenow', '3');
});

test('a 500 ms sample interval doubles the frames', async ({ lens }) => {
  const clip = await countingClip({ seconds: 5 });
  await lens.open('Video-OCR');
  await lens.versionPicker.selectOption({ index: 1 });
  await runClip(lens, clip, 500);
  const timeline = lens.node('ocr').getByRole('slider', { name: 'Timeline' });
  await expect(timeline).toHaveAttribute('aria-valuemax', '9');
  await expect(
    lens
      .node('ocr')
      .getByRole('heading', { name: 'Frame 0 at 0.3 s' })
      .or(lens.node('ocr').getByRole('heading', { name: 'Frame 0 at 0.25 s' })),
  ).toBeVisible();
});
