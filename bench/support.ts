import { spawn } from 'node:child_process';
import path from 'node:path';
import { PostWorkflowResultsResponse, type PostWorkflowResultsRequest } from '../contract/clarifai';

export const root = path.resolve(import.meta.dirname, '..');

export interface BenchRow {
  name: string;
  measured: number;
  unit: string;
  /** The figure must be at most (`max`) or at least (`min`) this. */
  budget?: { max?: number; min?: number };
  detail?: string;
}

export function passes(row: BenchRow): boolean | undefined {
  if (Number.isNaN(row.measured)) return false;
  if (!row.budget) return undefined;
  if (row.budget.max !== undefined && row.measured > row.budget.max) return false;
  if (row.budget.min !== undefined && row.measured < row.budget.min) return false;
  return true;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
}

/** Starts the real engine as a person would (`npm run engine`), on a port of its own. */
export async function startEngine(port: number, env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'engine/main.ts'], {
    cwd: root,
    env: { ...process.env, ...env, ENGINE_PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += String(chunk);
      if (output.includes('engine listening')) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`engine exited with ${code}: ${output}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** One predict call through HTTP; returns the wall time and the runners' own times. */
export async function predict(url: string, body: PostWorkflowResultsRequest) {
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const parsed = PostWorkflowResultsResponse.parse(await response.json());
  const wallMs = performance.now() - started;
  if (parsed.status.code !== 10000) throw new Error(`predict failed: ${JSON.stringify(parsed.status)}`);
  const runnerMs = (parsed.results ?? []).flatMap((r) => r.outputs ?? []).map((o) => o.status?.time_ms ?? 0);
  return { wallMs, runnerMs, response: parsed };
}

/** The id of a workflow's oldest version (its v1). */
export async function firstVersion(engineUrl: string, workflowId: string): Promise<string> {
  const versions = await fetch(`${engineUrl}/v2/users/local/apps/main/workflows/${workflowId}/versions`).then(
    (r) => r.json() as Promise<{ workflow_versions: { id: string }[] }>,
  );
  const id = versions.workflow_versions.at(-1)?.id;
  if (!id) throw new Error(`workflow ${workflowId} has no versions`);
  return id;
}

export function versionResultsUrl(engineUrl: string, workflowId: string, versionId: string): string {
  return `${engineUrl}/v2/users/local/apps/main/workflows/${workflowId}/versions/${versionId}/results`;
}
