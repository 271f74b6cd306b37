/**
 * The app with video. Timeline: a 10-minute clip answered with 6,000 sampled frames (every 100 ms,
 * the most the API gives), the answer replaced through Playwright's routing (outside the app) as
 * app-boxes.ts does, then seeks (a click on the strip) and a scrub (a drag along it), main-thread
 * work per update. Upload: a ~100 MB clip through the real engine, from the person's "Run video"
 * to the first frame's result on screen, split into reading, upload, engine and drawing.
 */
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from '@playwright/test';
import { inTempDir } from '../../engine/video/test-clips';
import { frameBudgetRow, withApp, workOf } from '../app-support';
import { median, type BenchRow } from '../support';
import { hundredMegabyteClip } from './video';

const run = promisify(execFile);
const FRAMES = 6_000;
const STEPS = 60;
/**
 * Updates made before the measured ones, their work reported apart: the first few playhead moves
 * in a fresh page cost 30–70 ms each (script compiled on first use, the media element's decoder
 * set up for far seeks), and three of them would be the p95 of 60 on their own.
 */
const WARM_UP = 5;
const CLASSES = ['person', 'car', 'dog', 'bicycle', 'bottle', 'chair', 'cup', 'bird'];

/** A detector's answer on a 10-minute video sampled every 100 ms: 6,000 frames, 0–3 boxes each. */
export function manyFramesResponse(count: number) {
  const frames = Array.from({ length: count }, (_, i) => {
    const regions = Array.from({ length: i % 4 }, (_, k) => {
      const name = CLASSES[(i + k) % CLASSES.length] ?? 'thing';
      const value = 0.5 + ((i * 7 + k * 13) % 50) / 100;
      const top = ((i + k * 17) % 70) / 100;
      const left = ((i * 3 + k * 29) % 70) / 100;
      return {
        id: `f${i}r${k}`,
        value,
        region_info: {
          bounding_box: { top_row: top, left_col: left, bottom_row: top + 0.25, right_col: left + 0.25 },
        },
        data: { concepts: [{ id: name, name, value }] },
      };
    });
    return { frame_info: { index: i, time: i * 100 + 50 }, data: { regions } };
  });
  const ok = { code: 10000, description: 'Ok' };
  return {
    status: ok,
    results: [
      {
        status: ok,
        input: { id: 'bench', data: { video: { base64: 'dHJ1ZQ==' } } },
        outputs: [
          {
            id: 'o1',
            status: { ...ok, time_ms: 1 },
            model: {
              id: 'general-object-detection',
              model_type_id: 'visual-detector',
              model_version: { id: 'v' },
            },
            data: { frames },
          },
        ],
      },
    ],
  };
}

/** A small 10-minute clip the browser plays: 320×180 at 10 fps, a keyframe every second. */
async function tenMinuteClip(dir: string): Promise<string> {
  const out = path.join(dir, 'ten-minutes.mp4');
  await run('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    'testsrc2=size=320x180:rate=10',
    '-t',
    '600',
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-crf',
    '35',
    '-g',
    '10',
    '-pix_fmt',
    'yuv420p',
    out,
  ]);
  return out;
}

async function runVideo(page: Page, appUrl: string, file: string, sampleMs?: number) {
  await page.goto(`${appUrl}/?workflow=General-Detection`);
  await page.getByRole('button', { name: 'Try your own image or video' }).click();
  const dialog = page.getByRole('dialog', { name: 'Try your own image or video' });
  await dialog.getByLabel('Choose a file').setInputFiles(file);
  if (sampleMs !== undefined) {
    await dialog.getByRole('spinbutton', { name: 'Sample interval (ms)' }).fill(String(sampleMs));
  }
  return dialog.getByRole('button', { name: 'Run video' });
}

export async function videoTimeline(engineUrl: string): Promise<BenchRow[]> {
  return inTempDir(async (dir) => {
    const clip = await tenMinuteClip(dir);
    return withApp(engineUrl, 4375, async ({ url, browser }) => {
      const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
      const body = JSON.stringify(manyFramesResponse(FRAMES));
      await page.route('**/results', (route) => route.fulfill({ contentType: 'application/json', body }));
      await (await runVideo(page, url, clip, 100)).click();
      const timeline = page.getByRole('slider', { name: 'Timeline' });
      await timeline.and(page.locator(`[data-frame-count="${FRAMES}"]`)).waitFor({ timeout: 60_000 });
      await page.getByRole('group', { name: 'Video player' }).locator('[data-rendered="true"]').waitFor();
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Performance.enable');
      // Where the strip is, read before each update (outside the measured time): the picture's
      // size and the frame's list beside it can move it.
      const point = async (fraction: number) => {
        await timeline.scrollIntoViewIfNeeded();
        const strip = await timeline.boundingBox();
        if (!strip) throw new Error('no timeline');
        return { x: strip.x + fraction * strip.width, y: strip.y + strip.height / 2 };
      };

      // Seek: a click somewhere else on the strip each time (the warm-up ones elsewhere again).
      const seek: number[] = [];
      const seekWarm: number[] = [];
      for (let i = -WARM_UP; i < STEPS; i++) {
        const { x, y } = await point(i < 0 ? 0.93 + i * 0.01 : (((i * 37) % 100) + 0.5) / 100);
        (i < 0 ? seekWarm : seek).push(await workOf(cdp, page, () => page.mouse.click(x, y)));
      }
      // Scrub: the button held while the pointer moves along the strip, ~75 frames per move.
      const scrub: number[] = [];
      const scrubWarm: number[] = [];
      const start = await point(0.1 - WARM_UP * 0.0125);
      await page.mouse.move(start.x, start.y);
      await page.mouse.down();
      for (let i = 1 - WARM_UP; i <= STEPS; i++) {
        const { x, y } = await point(0.1 + i * 0.0125);
        (i <= 0 ? scrubWarm : scrub).push(await workOf(cdp, page, () => page.mouse.move(x, y)));
      }
      await page.mouse.up();
      const last = await timeline.getAttribute('aria-valuenow');
      if (Number(last) < FRAMES / 2) throw new Error(`the scrub did not move the playhead (at ${last})`);

      return [
        frameBudgetRow(`${FRAMES}-frame timeline: seek (click)`, seek, seekWarm),
        frameBudgetRow(`${FRAMES}-frame timeline: scrub (drag)`, scrub, scrubWarm),
      ];
    });
  });
}

/**
 * Marks on the page's own clock, set from outside the app (an init script, as Playwright's routing
 * is): when the person pressed "Run video", when the request was sent (the file read as base64),
 * when the answer's headers came (the engine sends them once the whole body is read and decoded,
 * so this is the upload's end), when the first frame line of the streamed answer arrived (the
 * growing `responseText`), and when the modal closed (the app closes it as the first frames are
 * handed to the page, so from there on the wait is the page's own: the results' code, loaded on
 * demand, and drawing).
 *
 * The app sends a body this large as a Blob (src/lib/http.ts `requestBody`); as one string it held
 * the page's later messages for seconds: see docs/PERFORMANCE.md, "The upload's split".
 */
function markPredict() {
  const marks: { run?: number; sent?: number; uploaded?: number; firstFrame?: number; handed?: number } = {};
  // Main-thread tasks over 50 ms, to tell drawing from a page busy with something else.
  const longTasks: [number, number][] = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push([entry.startTime, entry.duration]);
  }).observe({ type: 'longtask', buffered: true });
  Object.assign(window, { benchMarks: marks, benchLongTasks: longTasks });
  document.addEventListener(
    'click',
    (event) => {
      const button = event.target instanceof Element ? event.target.closest('button') : null;
      if (button?.textContent?.includes('Run video')) marks.run ??= performance.now();
    },
    { capture: true },
  );
  new MutationObserver(() => {
    if (marks.firstFrame !== undefined && !document.querySelector('[role="dialog"]')) {
      marks.handed ??= performance.now();
    }
  }).observe(document, { subtree: true, childList: true });
  const send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.send = function (this: XMLHttpRequest, body) {
    if (marks.run !== undefined && marks.sent === undefined && body) {
      marks.sent = performance.now();
      // The engine answers (headers first) only once it has read the whole body: the upload's end.
      this.addEventListener('readystatechange', () => {
        if (this.readyState >= XMLHttpRequest.HEADERS_RECEIVED) marks.uploaded ??= performance.now();
      });
      this.addEventListener('progress', () => {
        if (marks.firstFrame === undefined && this.responseText.includes('"frame"')) {
          marks.firstFrame = performance.now();
        }
      });
    }
    send.call(this, body);
  };
}

interface UploadRun {
  total: number;
  reading: number;
  upload: number;
  engine: number;
  handing: number;
  drawing: number;
  /** Long-task time while the page drew, and over the whole run. */
  busyDrawing: number;
  busyAll: number;
}

async function uploadOnce(url: string, browser: Browser, file: string): Promise<UploadRun> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  try {
    await page.addInitScript(markPredict);
    const runButton = await runVideo(page, url, file);
    await runButton.click();
    const shown = await page.waitForFunction(
      () => {
        const strip = document.querySelector('[role="slider"][data-frame-count]');
        return strip && Number(strip.getAttribute('data-frame-count')) >= 1 ? performance.now() : false;
      },
      undefined,
      { polling: 'raf', timeout: 300_000 },
    );
    const shownAt = Number(await shown.jsonValue());
    const marks = await page.evaluate(
      () => (window as unknown as { benchMarks: Record<string, number | undefined> }).benchMarks,
    );
    const { run: runAt, sent, uploaded, firstFrame } = marks;
    if (runAt === undefined || sent === undefined || uploaded === undefined || firstFrame === undefined) {
      throw new Error(
        `the predict request was not followed: ${JSON.stringify({ runAt, sent, uploaded, firstFrame })}`,
      );
    }
    // The modal closes in the same task that hands the frames over; a strip drawn in that task too
    // leaves no time between.
    const handed = Math.min(marks.handed ?? shownAt, shownAt);
    const longTasks = await page.evaluate(
      () => (window as unknown as { benchLongTasks: [number, number][] }).benchLongTasks,
    );
    /** Long-task time between two marks. */
    const busy = (from: number, to: number) =>
      longTasks.reduce(
        (sum, [start, ms]) => sum + Math.max(0, Math.min(to, start + ms) - Math.max(from, start)),
        0,
      );
    return {
      total: shownAt - runAt,
      reading: sent - runAt,
      upload: uploaded - sent,
      engine: firstFrame - uploaded,
      handing: handed - firstFrame,
      drawing: shownAt - handed,
      busyDrawing: busy(handed, shownAt),
      busyAll: busy(runAt, shownAt),
    };
  } finally {
    await page.close();
  }
}

/** Rounds: one upload is noisy, and the first one also warms the engine. */
const UPLOAD_ROUNDS = 2;

export async function videoUpload(engineUrl: string): Promise<BenchRow[]> {
  return inTempDir(async (dir) => {
    const file = path.join(dir, 'hundred-megabytes.mp4');
    const clip = await hundredMegabyteClip();
    await writeFile(file, clip);
    return withApp(engineUrl, 4376, async ({ url, browser }) => {
      const runs: UploadRun[] = [];
      for (let round = 0; round < UPLOAD_ROUNDS; round++) runs.push(await uploadOnce(url, browser, file));
      const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
      const mb = (clip.length / 2 ** 20).toFixed(0);
      const row = (name: string, how: string, all: UploadRun[]): BenchRow => {
        const mid = (pick: (run: UploadRun) => number) => median(all.map(pick));
        return {
          name,
          measured: Number((mid((run) => run.total) / 1000).toFixed(1)),
          unit: 's',
          detail: `median of ${all.length} (${all.map((run) => s(run.total)).join(', ')}), ${how}; medians: reading in the browser ${s(mid((run) => run.reading))}, upload (134 MB of JSON through the preview proxy, decoded to disk as it arrives, to the answer's headers) ${s(mid((run) => run.upload))}, engine to the first frame's answer ${s(mid((run) => run.engine))}, to the page (parsed, the modal closes) ${s(mid((run) => run.handing))}, the results' code (loaded on demand) and drawing ${s(mid((run) => run.drawing))} (main thread in long tasks meanwhile: ${s(mid((run) => run.busyDrawing))}; over the whole ${s(mid((run) => run.busyAll))}); General-Detection's latest version, the app's default of one frame a second`,
        };
      };
      return [
        row(
          `video upload (${mb} MB): Run video → first frame shown`,
          'the app as built (the body sent as a Blob)',
          runs,
        ),
      ];
    });
  });
}
