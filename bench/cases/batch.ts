/**
 * Batch: `Face-Sentiment` v1 on 32 face photos in one request (the most a request takes) against
 * the same 32 photos sent as 32 single requests, one after another (each waits for the previous
 * answer), warm, median of several rounds. Speed-up = the 32 single requests' total wall time
 * divided by the one batch request's wall time.
 */
import { STRIP_FACE_COLUMNS, faceStrip, manPortrait } from '../../engine/vision/testing/fixtures';
import sharp from 'sharp';
import { firstVersion, median, predict, versionResultsUrl, type BenchRow } from '../support';

const ROUNDS = 5;
const BATCH = 32;

/** 32 face photos: the portrait and the strip's five faces, each also mirrored and at other sizes. */
async function facePhotos(): Promise<Buffer[]> {
  const strip = await faceStrip();
  const faces = [await manPortrait()];
  for (const [from, to] of STRIP_FACE_COLUMNS) {
    const left = Math.round(from * 800);
    faces.push(
      await sharp(strip)
        .extract({ left, top: 0, width: Math.round(to * 800) - left, height: 170 })
        .jpeg()
        .toBuffer(),
    );
  }
  const photos: Buffer[] = [];
  for (let i = 0; photos.length < BATCH; i++) {
    const face = faces[i % faces.length] as Buffer;
    const variant = Math.floor(i / faces.length);
    let image = sharp(face);
    if (variant % 2) image = image.flop();
    const { width = 140 } = await sharp(face).metadata();
    photos.push(
      await image
        .resize({ width: Math.round(width * (1 + 0.25 * variant)) })
        .jpeg({ quality: 90 })
        .toBuffer(),
    );
  }
  return photos;
}

export async function batchSpeedup(engineUrl: string): Promise<BenchRow[]> {
  const url = versionResultsUrl(engineUrl, 'Face-Sentiment', await firstVersion(engineUrl, 'Face-Sentiment'));
  const inputs = (await facePhotos()).map((photo) => ({
    data: { image: { base64: photo.toString('base64') } },
  }));

  const batchOnce = async () => {
    const { wallMs, response } = await predict(url, { inputs });
    if ((response.results ?? []).length !== BATCH)
      throw new Error(`batch answered ${response.results?.length} results`);
    return wallMs;
  };
  const singlesOnce = async () => {
    let total = 0;
    for (const input of inputs) total += (await predict(url, { inputs: [input] })).wallMs;
    return total;
  };
  await batchOnce(); // warm: every worker loads the models
  await singlesOnce();
  const batch: number[] = [];
  const singles: number[] = [];
  const speedups: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const b = await batchOnce();
    const s = await singlesOnce();
    batch.push(b);
    singles.push(s);
    speedups.push(s / b);
  }
  return [
    {
      name: 'Face-Sentiment v1: 32 single requests ÷ one batch of 32 (warm)',
      measured: Number(median(speedups).toFixed(2)),
      unit: '× speed-up',
      budget: { min: 1.5 },
      detail: `median of ${ROUNDS} rounds; batch ${median(batch).toFixed(0)} ms, 32 singles one after another ${median(singles).toFixed(0)} ms`,
    },
  ];
}
