import { mkdtempSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from './support/lens';

// Chromium's fake capture device plays a WAV the test made with the synthesiser, looping.
const dir = mkdtempSync(path.join(tmpdir(), 'lens-mic-'));
const wav = path.join(dir, 'mic.wav');
execFileSync('flite', [
  '-voice',
  'slt',
  '-t',
  'the weather is wonderful today',
  '-o',
  path.join(dir, 'raw.wav'),
]);
execFileSync('ffmpeg', [
  '-v',
  'error',
  '-y',
  '-i',
  path.join(dir, 'raw.wav'),
  '-af',
  'apad=pad_dur=2',
  '-ar',
  '48000',
  '-ac',
  '1',
  wav,
]);
writeFileSync(path.join(dir, 'README'), 'fake microphone input for e2e/microphone.spec.ts');

test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--no-first-run',
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-audio-capture=${wav}`,
    ],
  },
  permissions: ['microphone'],
});

test('recording from the microphone sends the speech to the workflow', async ({ lens }) => {
  await lens.open('asr-sentiment');
  await lens.versionPicker.selectOption({ index: 1 });
  await lens.tryButton.click();
  await lens.dialog.getByRole('tab', { name: 'Audio' }).click();
  await lens.dialog.getByRole('button', { name: 'Record' }).click();
  await expect(lens.dialog.getByRole('timer', { name: 'Recording time' })).toBeVisible();
  await lens.page.waitForTimeout(4_000);
  await lens.dialog.getByRole('button', { name: 'Stop recording' }).click();
  await expect(lens.dialog).toBeHidden({ timeout: 30_000 });
  await expect(lens.node('audio-speech-recognition')).toContainText(/wonderful|weather/i);
});
