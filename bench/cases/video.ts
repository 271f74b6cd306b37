/**
 * Video through the engine. Throughput: a 60 s counting clip sampled every 100 ms (600 frames) through
 * Video-OCR's oldest version, against the OCR runner's own rate on single frames with the same
 * worker. Memory: the engine's peak resident memory above idle while a ~100 MB upload is processed.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { countingClip, digitPng, inTempDir } from '../../engine/video/test-clips';
import { median, predict, type BenchRow } from '../support';

const run = promisify(execFile);

async function oldestVersion(engineUrl: string, workflow: string): Promise<string> {
  const response = await fetch(`${engineUrl}/v2/users/local/apps/main/workflows/${workflow}/versions`);
  const body = (await response.json()) as { workflow_versions: { id: string }[] };
  const id = body.workflow_versions.at(-1)?.id;
  if (!id) throw new Error(`${workflow} has no versions`);
  return id;
}

function rssKb(pid: number): Promise<number> {
  return readFile(`/proc/${pid}/status`, 'utf8').then((status) =>
    Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0),
  );
}

let bigClip: Promise<Buffer> | undefined;

/**
 * ~100 MB of H.264 at a constant 14 Mbit/s for 60 s (filler keeps the rate up on a synthetic
 * picture). Made once per run: the memory and the app upload figures use the same clip.
 */
export function hundredMegabyteClip(): Promise<Buffer> {
  bigClip ??= inTempDir(async (dir) => {
    const out = path.join(dir, 'big.mp4');
    const source = ['-f', 'lavfi', '-i', 'testsrc2=size=1280x720:rate=25', '-t', '60'];
    const rate = ['-b:v', '14M', '-minrate', '14M', '-maxrate', '14M', '-bufsize', '14M'];
    const codec = [
      '-c:v',
      'libx264',
      '-preset',
      'ultrafast',
      ...rate,
      '-x264-params',
      'nal-hrd=cbr:force-cfr=1',
    ];
    await run('ffmpeg', ['-v', 'error', '-y', ...source, ...codec, out]);
    return readFile(out);
  });
  return bigClip;
}

export async function videoThroughput(engineUrl: string): Promise<BenchRow[]> {
  const version = await oldestVersion(engineUrl, 'Video-OCR');
  const url = `${engineUrl}/v2/users/local/apps/main/workflows/Video-OCR/versions/${version}/results`;

  // The runner alone: one frame at a time, its own time per frame.
  const frame = await digitPng('7');
  await predict(url, { inputs: [{ data: { image: { base64: frame.toString('base64') } } }] });
  const perFrame: number[] = [];
  for (let i = 0; i < 9; i++) {
    const { runnerMs } = await predict(url, {
      inputs: [{ data: { image: { base64: frame.toString('base64') } } }],
    });
    perFrame.push(runnerMs.reduce((a, b) => a + b, 0));
  }
  const runnerFps = 1000 / median(perFrame);

  const clip = await countingClip({ seconds: 60, fps: 10 });
  const { wallMs, response } = await predict(url, {
    inputs: [{ data: { video: { base64: clip.toString('base64') } } }],
    output_config: { sample_ms: 100 },
  });
  const frames = response.results?.[0]?.outputs?.[0]?.data?.frames?.length ?? 0;
  const pipelineFps = (frames * 1000) / wallMs;
  return [
    {
      name: 'video: pipeline fps ÷ runner fps (60 s clip, 100 ms)',
      measured: Number((pipelineFps / runnerFps).toFixed(2)),
      unit: 'ratio',
      budget: { min: 0.9 },
      detail: `${frames} frames in ${(wallMs / 1000).toFixed(1)} s = ${pipelineFps.toFixed(1)} fps; runner alone ${runnerFps.toFixed(1)} fps`,
    },
  ];
}

export async function videoMemory(engineUrl: string, enginePid: number): Promise<BenchRow[]> {
  const clip = await hundredMegabyteClip();
  const version = await oldestVersion(engineUrl, 'General-Detection');
  const url = `${engineUrl}/v2/users/local/apps/main/workflows/General-Detection/versions/${version}/results`;
  // Warm first: the detector's worker pool and models load once per process, and are not the
  // upload's cost. A short clip through the same workflow loads them.
  const warm = await countingClip({ seconds: 2 });
  await predict(url, { inputs: [{ data: { video: { base64: warm.toString('base64') } } }] });
  await new Promise((resolve) => setTimeout(resolve, 500));
  const idle = await rssKb(enginePid);
  let peak = idle;
  const timer = setInterval(() => void rssKb(enginePid).then((kb) => (peak = Math.max(peak, kb))), 50);
  try {
    const body = JSON.stringify({
      inputs: [{ data: { video: { base64: clip.toString('base64') } } }],
      output_config: { sample_ms: 2000 },
    });
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    const parsed = (await response.json()) as { status: { code: number } };
    if (parsed.status.code !== 10000)
      throw new Error(`video predict failed: ${JSON.stringify(parsed.status)}`);
  } finally {
    clearInterval(timer);
  }
  const fileMb = clip.length / 2 ** 20;
  const aboveIdleMb = (peak - idle) / 1024;
  return [
    {
      name: `video: peak engine memory above idle ÷ file size (${fileMb.toFixed(0)} MB upload)`,
      measured: Number((aboveIdleMb / fileMb).toFixed(2)),
      unit: 'ratio',
      budget: { max: 2.5 },
      detail: `warm idle ${(idle / 1024).toFixed(0)} MB, peak ${(peak / 1024).toFixed(0)} MB (+${aboveIdleMb.toFixed(0)} MB), sent as ${((Math.ceil(clip.length / 3) * 4) / 2 ** 20).toFixed(0)} MB of base64 JSON`,
    },
  ];
}
