/**
 * The security and load settings from the environment (engine/README.md, "Security and limits").
 * Read once by main.ts; tests pass the same options to createEngine directly.
 */
import type { EngineOptions } from './create-engine';

export const LOAD_DEFAULTS = {
  maxConcurrent: 4,
  maxQueued: 16,
  requestTimeoutMs: 300_000,
  /** Below the request's deadline, so a hung model fails its own outputs and the rest is answered. */
  nodeTimeoutMs: 240_000,
} as const;

type SecurityOptions = Pick<
  EngineOptions,
  'urlAllowList' | 'apiKeys' | 'maxConcurrent' | 'maxQueued' | 'requestTimeoutMs' | 'nodeTimeoutMs'
>;

export function settingsFromEnv(env: NodeJS.ProcessEnv = process.env): SecurityOptions {
  const keys = (env.ENGINE_API_KEYS ?? '')
    .split(',')
    .map((key) => key.trim())
    .filter((key) => key !== '');
  return {
    urlAllowList: env.ENGINE_URL_ALLOWLIST ?? '',
    apiKeys: keys,
    maxConcurrent: readInt(env, 'ENGINE_MAX_CONCURRENT', LOAD_DEFAULTS.maxConcurrent, 1),
    maxQueued: readInt(env, 'ENGINE_MAX_QUEUED', LOAD_DEFAULTS.maxQueued, 0),
    requestTimeoutMs: readInt(env, 'ENGINE_REQUEST_TIMEOUT_MS', LOAD_DEFAULTS.requestTimeoutMs, 1),
    nodeTimeoutMs: readInt(env, 'ENGINE_NODE_TIMEOUT_MS', LOAD_DEFAULTS.nodeTimeoutMs, 1),
  };
}

function readInt(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`${name} must be a whole number ≥ ${min}, not "${raw}"`);
  }
  return value;
}
