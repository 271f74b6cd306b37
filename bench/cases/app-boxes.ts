/**
 * 5,000 boxes on one image: how much main-thread work a hover or a threshold change costs in the
 * production build, in headless Chromium. The real app runs against the real engine; only the
 * predict answer is replaced (through Playwright's routing, outside the app) by one with 5,000
 * regions, since no model here finds 5,000 objects. Work per update is Chromium's own
 * `TaskDuration` (script, style, layout, paint on the main thread) between the update and the
 * second animation frame after it, read over CDP, so vsync waiting does not count.
 */
import sharp from 'sharp';
import { frameBudgetRow, hoverAndThreshold, withApp } from '../app-support';
import type { BenchRow } from '../support';

const BOXES = 5_000;

/** A deterministic scatter of boxes with scores spread over 0..1 and a handful of classes. */
export function manyBoxesResponse(count: number) {
  const classes = ['person', 'car', 'dog', 'bicycle', 'bottle', 'chair', 'cup', 'bird'];
  let seed = 42;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const regions = Array.from({ length: count }, (_, i) => {
    const top = random() * 0.95;
    const left = random() * 0.95;
    const name = classes[i % classes.length] ?? 'thing';
    const value = Math.round(random() * 1000) / 1000;
    return {
      id: `r${i}`,
      value,
      region_info: {
        bounding_box: { top_row: top, left_col: left, bottom_row: top + 0.03, right_col: left + 0.03 },
      },
      data: { concepts: [{ id: name, name, value }] },
    };
  });
  return {
    status: { code: 10000, description: 'Ok' },
    results: [
      {
        status: { code: 10000, description: 'Ok' },
        input: { id: 'bench', data: { image: { base64: 'dHJ1ZQ==' } } },
        outputs: [
          {
            id: 'o1',
            status: { code: 10000, description: 'Ok', time_ms: 1 },
            model: {
              id: 'general-object-detection',
              model_type_id: 'visual-detector',
              model_version: { id: 'v' },
            },
            data: { regions },
          },
        ],
      },
    ],
  };
}

export async function appBoxes(engineUrl: string): Promise<BenchRow[]> {
  return withApp(engineUrl, 4373, async ({ url, browser }) => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    const body = JSON.stringify(manyBoxesResponse(BOXES));
    await page.route('**/results', (route) => route.fulfill({ contentType: 'application/json', body }));
    await page.goto(`${url}/?workflow=General-Detection`);
    await page.getByRole('button', { name: 'Try your own image or video' }).click();
    const image = await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#9ab' } })
      .png()
      .toBuffer();
    await page
      .getByLabel('Choose a file')
      .setInputFiles({ name: 'scene.png', mimeType: 'image/png', buffer: image });
    const svg = page.getByRole('img', { name: 'Region boxes' });
    await svg.and(page.locator(`[data-box-count="${BOXES}"]`)).waitFor({ timeout: 60_000 });

    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');

    // The pointer walks across the image, entering box after box; then the threshold steps.
    const rect = await svg.boundingBox();
    if (!rect) throw new Error('no box overlay');
    const { hover, threshold } = await hoverAndThreshold(cdp, page, rect);
    return [
      frameBudgetRow(`${BOXES} boxes: hover`, hover),
      frameBudgetRow(`${BOXES} boxes: threshold change`, threshold),
    ];
  });
}
