/**
 * The compare view with 2,000 boxes per side: how much main-thread work a hover or a threshold
 * change costs in the production build, in headless Chromium, measured as `app-boxes.ts` measures
 * one version's 5,000 boxes (Chromium's `TaskDuration` over CDP, from the update to the second
 * animation frame after it). The real app runs against the real engine; only the two predict
 * answers are replaced through Playwright's routing (no model here finds 2,000 objects), told apart
 * by the version id in the request's address, and so is the input picture the link names.
 * B keeps most of A's boxes (nudged a little, every seventh relabelled) and finds some of its own,
 * so the view has matched pairs, changed labels and boxes only one side found.
 */
import sharp from 'sharp';
import { frameBudgetRow, hoverAndThreshold, withApp } from '../app-support';
import { firstVersion, type BenchRow } from '../support';
import { manyBoxesResponse } from './app-boxes';

const BOXES = 2_000;
/** Of B's boxes, this many are its own (not in A). */
const B_ONLY = 200;
const WORKFLOW = 'General-Detection';
const PICTURE = '/bench-compare-scene.png';

type Answer = ReturnType<typeof manyBoxesResponse>;
type Region = NonNullable<Answer['results'][number]['outputs'][number]['data']['regions']>[number];

function withRegions(answer: Answer, regions: Region[]): Answer {
  const [result] = answer.results;
  const [output] = result?.outputs ?? [];
  if (!result || !output) throw new Error('the boxes answer has no output');
  return { ...answer, results: [{ ...result, outputs: [{ ...output, data: { regions } }] }] };
}

/** A's boxes, and B's: most of A's moved by a fraction of their size, some relabelled, some new. */
export function comparedBoxesResponses(count: number, bOnly: number): { a: Answer; b: Answer } {
  const many = manyBoxesResponse(count + bOnly);
  const all = many.results[0]?.outputs[0]?.data.regions ?? [];
  const a = all.slice(0, count);
  const kept = a.slice(0, count - bOnly).map((region, i): Region => {
    const box = region.region_info.bounding_box;
    const shift = ((i % 5) - 2) * 0.002;
    const relabel = i % 7 === 0;
    const name = relabel ? `${region.data.concepts[0]?.name ?? 'thing'}-b` : region.data.concepts[0]?.name;
    return {
      ...region,
      id: `b${i}`,
      value: Math.min(1, Math.round((region.value * 0.9 + 0.05) * 1000) / 1000),
      region_info: {
        bounding_box: {
          top_row: box.top_row + shift,
          left_col: box.left_col - shift,
          bottom_row: box.bottom_row + shift,
          right_col: box.right_col - shift,
        },
      },
      data: relabel && name ? { concepts: [{ id: name, name, value: region.value }] } : region.data,
    };
  });
  const own = all.slice(count).map((region, i): Region => ({ ...region, id: `bn${i}` }));
  return { a: withRegions(many, a), b: withRegions(many, [...kept, ...own]) };
}

export async function compareBoxes(engineUrl: string): Promise<BenchRow[]> {
  // The compare view picks the two newest versions: A the older, B the newer.
  const oldest = await firstVersion(engineUrl, WORKFLOW);
  return withApp(engineUrl, 4377, async ({ url, browser }) => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    const answers = comparedBoxesResponses(BOXES, B_ONLY);
    const bodyA = JSON.stringify(answers.a);
    const bodyB = JSON.stringify(answers.b);
    const versionsSeen = new Set<string>();
    await page.route('**/versions/*/results', (route) => {
      const version = /\/versions\/([^/]+)\/results/.exec(route.request().url())?.[1] ?? '';
      versionsSeen.add(version);
      return route.fulfill({ contentType: 'application/json', body: version === oldest ? bodyA : bodyB });
    });
    const image = await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#9ab' } })
      .png()
      .toBuffer();
    await page.route(`**${PICTURE}`, (route) => route.fulfill({ contentType: 'image/png', body: image }));
    const input = encodeURIComponent(`${url}${PICTURE}`);
    await page.goto(`${url}/?workflow=${WORKFLOW}&compare=1&threshold=0&input=${input}`);

    const svgA = page.getByRole('img', { name: 'Version A boxes' });
    const svgB = page.getByRole('img', { name: 'Version B boxes' });
    await svgA.and(page.locator(`[data-box-count="${BOXES}"]`)).waitFor({ timeout: 60_000 });
    await svgB.and(page.locator(`[data-box-count="${BOXES}"]`)).waitFor({ timeout: 60_000 });
    if (!versionsSeen.has(oldest) || versionsSeen.size !== 2) {
      throw new Error(`expected both versions to be asked, saw ${[...versionsSeen].join(', ')}`);
    }
    await page.getByRole('list', { name: 'Region changes' }).waitFor();

    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');

    // The pointer walks across A's picture (each box it enters lights its partner in B and their
    // row in the change list); then the threshold steps, on both sides at once.
    const rect = await svgA.boundingBox();
    if (!rect) throw new Error('no box overlay');
    const { hover, threshold } = await hoverAndThreshold(cdp, page, rect);
    return [
      frameBudgetRow(`compare, ${BOXES} boxes per side: hover`, hover),
      frameBudgetRow(`compare, ${BOXES} boxes per side: threshold change`, threshold),
    ];
  });
}
