import { describe, expect, it } from 'vitest';
import { LOAD_DEFAULTS, settingsFromEnv } from './settings';

describe('settingsFromEnv', () => {
  it('reads the security and load settings, with defaults', () => {
    expect(settingsFromEnv({})).toEqual({ urlAllowList: '', apiKeys: [], ...LOAD_DEFAULTS });
    expect(
      settingsFromEnv({
        ENGINE_URL_ALLOWLIST: '127.0.0.1:8080',
        ENGINE_API_KEYS: ' a , b,,',
        ENGINE_MAX_CONCURRENT: '2',
        ENGINE_MAX_QUEUED: '0',
        ENGINE_REQUEST_TIMEOUT_MS: '1500',
        ENGINE_NODE_TIMEOUT_MS: '1000',
      }),
    ).toEqual({
      urlAllowList: '127.0.0.1:8080',
      apiKeys: ['a', 'b'],
      maxConcurrent: 2,
      maxQueued: 0,
      requestTimeoutMs: 1500,
      nodeTimeoutMs: 1000,
    });
  });

  it('refuses values it cannot use instead of ignoring them', () => {
    expect(() => settingsFromEnv({ ENGINE_MAX_CONCURRENT: '0' })).toThrow(
      /ENGINE_MAX_CONCURRENT must be a whole number ≥ 1, not "0"/,
    );
    expect(() => settingsFromEnv({ ENGINE_REQUEST_TIMEOUT_MS: 'soon' })).toThrow(/ENGINE_REQUEST_TIMEOUT_MS/);
  });
});
