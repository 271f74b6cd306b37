/**
 * `npm run load`: starts the real engine on a loopback port, runs 50 concurrent clients against
 * `ocr-translate` for 60 s (LOAD_SECONDS, LOAD_CLIENTS to change) with a few rendered signs, checks
 * every served answer against the expected text for its input, and prints served / throttled (429)
 * / failed counts, p50 / p99 latency of served answers and the engine's peak RSS. Exits non-zero
 * if any answer was wrong, any request failed otherwise, or the engine crashed. Loopback only; it
 * stops by itself (the clients stop at the deadline, the engine is sent SIGTERM, then SIGKILL).
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PostWorkflowResultsResponse } from '../contract/clarifai';
import { renderTextPng } from '../engine/test/fixtures';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SECONDS = positive('LOAD_SECONDS', 60);
const CLIENTS = positive('LOAD_CLIENTS', 50);
/** One request may not take longer than this, whatever the engine's own deadline. */
const CLIENT_TIMEOUT_MS = 120_000;

function positive(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`${name} must be a positive number, not "${raw}"`);
  return value;
}

/** The signs and what OCR must read on them (by word, the latest ocr-translate version). */
const SIGNS: readonly (readonly string[])[] = [
  ['STOP'],
  ['EXIT ONLY'],
  ['OPEN DAILY'],
  ['NO PARKING', 'FIRE LANE'],
];

interface Engine {
  readonly url: string;
  readonly pid: number;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  readonly log: () => string;
  stop(): Promise<void>;
}

async function startEngine(): Promise<Engine> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'engine/main.ts'], {
    cwd: root,
    env: { ...process.env, ENGINE_PORT: '0', ENGINE_API_KEYS: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output = (output + String(chunk)).slice(-20_000);
      const match = /engine listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then(({ code }) =>
      reject(new Error(`the engine exited with ${code} before listening:\n${output}`)),
    );
    setTimeout(() => reject(new Error('the engine did not start within 60 s')), 60_000).unref();
  });
  if (child.pid === undefined) throw new Error('the engine has no pid');
  const pid = child.pid;
  return {
    url,
    pid,
    exited,
    log: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(killer);
    },
  };
}

/** VmHWM (peak resident set) of a Linux process, in MB, or undefined elsewhere. */
function peakRssMb(pid: number): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(status);
    return match?.[1] ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

interface Tally {
  served: number;
  throttled: number;
  wrong: number;
  failed: number;
  latencies: number[];
  problems: string[];
}

async function client(
  engine: Engine,
  signs: readonly { base64: string; words: string[] }[],
  index: number,
  deadline: number,
  tally: Tally,
): Promise<void> {
  let turn = index;
  while (Date.now() < deadline) {
    const sign = signs[turn++ % signs.length];
    if (!sign) return;
    const started = performance.now();
    let response: Response;
    try {
      response = await fetch(`${engine.url}/v2/workflows/ocr-translate/results`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ inputs: [{ data: { image: { base64: sign.base64 } } }] }),
        signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS),
      });
    } catch (error) {
      tally.failed++;
      tally.problems.push(`client ${index}: ${error instanceof Error ? error.message : String(error)}`);
      if (!(await aliveOrStop(engine))) return;
      continue;
    }
    if (response.status === 429) {
      await response.body?.cancel();
      tally.throttled++;
      const wait = Number(response.headers.get('retry-after') ?? '1');
      await new Promise((resolve) => setTimeout(resolve, Math.min(5, Math.max(0.1, wait)) * 1000));
      continue;
    }
    const parsed = PostWorkflowResultsResponse.safeParse(await response.json().catch(() => undefined));
    const elapsed = performance.now() - started;
    if (!parsed.success || response.status !== 200 || parsed.data.status.code !== 10000) {
      tally.failed++;
      tally.problems.push(
        `client ${index}: HTTP ${response.status} ${parsed.success ? JSON.stringify(parsed.data.status) : 'unreadable body'}`,
      );
      continue;
    }
    const ocr = parsed.data.results?.[0]?.outputs?.[0];
    const words = ocr?.data?.regions?.map((region) => region.data?.text?.raw ?? '') ?? [];
    if (words.join(' ') !== sign.words.join(' ')) {
      tally.wrong++;
      tally.problems.push(`client ${index}: expected "${sign.words.join(' ')}", got "${words.join(' ')}"`);
      continue;
    }
    tally.served++;
    tally.latencies.push(elapsed);
  }
}

async function aliveOrStop(engine: Engine): Promise<boolean> {
  const state = await Promise.race([
    engine.exited,
    new Promise<undefined>((resolve) => setTimeout(resolve, 50)),
  ]);
  return state === undefined;
}

async function main(): Promise<void> {
  const signs = await Promise.all(
    SIGNS.map(async (lines) => ({
      base64: (await renderTextPng(lines)).toString('base64'),
      words: lines.flatMap((line) => line.split(' ')),
    })),
  );
  const engine = await startEngine();
  console.log(`engine ${engine.url} (pid ${engine.pid}); ${CLIENTS} clients for ${SECONDS} s`);
  const tally: Tally = { served: 0, throttled: 0, wrong: 0, failed: 0, latencies: [], problems: [] };
  let peak = peakRssMb(engine.pid) ?? 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, peakRssMb(engine.pid) ?? 0);
  }, 250);
  let crashed: string | undefined;
  let stopping = false;
  void engine.exited.then(({ code, signal }) => {
    if (!stopping) crashed = `the engine exited during the run (code ${code}, signal ${signal})`;
  });
  const started = performance.now();
  const deadline = Date.now() + SECONDS * 1000;
  try {
    await Promise.all(Array.from({ length: CLIENTS }, (_, i) => client(engine, signs, i, deadline, tally)));
  } finally {
    clearInterval(sampler);
    peak = Math.max(peak, peakRssMb(engine.pid) ?? 0);
    stopping = true;
    await engine.stop();
  }
  const exit = await engine.exited;
  const stoppedCleanly = crashed === undefined && exit.code === 0;
  const seconds = (performance.now() - started) / 1000;
  const sorted = [...tally.latencies].sort((a, b) => a - b);
  const rows: [string, string][] = [
    ['clients', String(CLIENTS)],
    ['duration', `${seconds.toFixed(1)} s`],
    ['served (right answer)', String(tally.served)],
    ['throttled (429)', String(tally.throttled)],
    ['wrong answers', String(tally.wrong)],
    ['failed', String(tally.failed)],
    ['served per second', (tally.served / seconds).toFixed(2)],
    ['latency p50 (served)', `${percentile(sorted, 50).toFixed(0)} ms`],
    ['latency p99 (served)', `${percentile(sorted, 99).toFixed(0)} ms`],
    ['engine peak RSS', peak > 0 ? `${peak.toFixed(0)} MB` : 'n/a'],
    [
      'engine',
      crashed ??
        (stoppedCleanly
          ? 'stayed up, drained on SIGTERM'
          : `stopped with code ${exit.code}, signal ${exit.signal}`),
    ],
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  console.log(rows.map(([name, value]) => `${name.padEnd(width)}  ${value}`).join('\n'));
  for (const problem of [...new Set(tally.problems)].slice(0, 10)) console.log(`  ${problem}`);
  if (tally.wrong > 0 || tally.failed > 0 || crashed || !stoppedCleanly || tally.served === 0) {
    if (crashed) console.log(engine.log().slice(-2000));
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error('load:', error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
