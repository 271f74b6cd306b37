/** A throwaway copy of the shipped workflows, so tests that write never touch the repo. */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_WORKFLOWS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../workflows');
export const V1 = 'e764f2c41a190f4839652381a77e3de0';
export const V2 = 'f2091a9453f5f19ed514e6d00eb7ae04';

export async function copyWorkflows(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const root = await mkdtemp(path.join(tmpdir(), 'lens-engine-test-'));
  const dir = path.join(root, 'workflows');
  await cp(REPO_WORKFLOWS, dir, { recursive: true });
  return { dir, remove: () => rm(root, { recursive: true, force: true }) };
}
