import { readdirSync, readFileSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startProcess, startRecordingUpstream } from './support/servers';

const root = path.resolve(import.meta.dirname, '..');
const SENTINEL = 'lens-sentinel-pat-7f3a9c';
const PORT = 4290;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

test('the personal access token reaches the upstream API and nothing else', async ({ page }) => {
  test.setTimeout(120_000);
  const upstream = await startRecordingUpstream({
    status: { code: 10000, description: 'Ok' },
    workflows: [],
  });
  const outDir = path.join(root, '.tmp', 'dist-sentinel');
  const env = {
    API_TARGET: upstream.url,
    CLARIFAI_PAT: SENTINEL,
    CLARIFAI_USER_ID: 'someone',
    CLARIFAI_APP_ID: 'their-app',
  };
  const build = execFileSync(
    path.join(root, 'node_modules', '.bin', 'vite'),
    ['build', '--outDir', outDir, '--emptyOutDir'],
    {
      cwd: root,
      env: { ...process.env, ...env },
      encoding: 'utf8',
    },
  );
  const preview = await startProcess(
    path.join(root, 'node_modules', '.bin', 'vite'),
    ['preview', '--outDir', outDir, '--port', String(PORT), '--strictPort'],
    env,
    new RegExp(`127\\.0\\.0\\.1:${PORT}`),
  );
  try {
    const seenByBrowser: string[] = [];
    // Every response's headers and body, read while the page is open and awaited before checking.
    const reads: Promise<void>[] = [];
    page.on('response', (response) => {
      reads.push(
        (async () => {
          seenByBrowser.push(JSON.stringify(await response.allHeaders()));
          seenByBrowser.push(await response.text());
        })().catch(() => undefined),
      );
    });
    await page.goto(`http://127.0.0.1:${PORT}/`);
    const config = await page.request.get(`http://127.0.0.1:${PORT}/__lens/config`);
    expect(await config.json()).toMatchObject({
      mode: 'local',
      authenticated: true,
      userId: 'someone',
      appId: 'their-app',
    });
    const listed = await page.request.get(
      `http://127.0.0.1:${PORT}/v2/users/someone/apps/their-app/workflows`,
      {
        headers: { authorization: 'Key from-the-browser' },
      },
    );
    expect(listed.status()).toBe(200);
    seenByBrowser.push(await listed.text(), JSON.stringify(listed.headers()));

    // The upstream got the server-side token, never the one the page tried to send.
    const proxied = upstream.seen.filter((r) => r.url.startsWith('/v2/'));
    expect(proxied.length).toBeGreaterThan(0);
    for (const request of proxied) expect(request.headers.authorization).toBe(`Key ${SENTINEL}`);

    await page.waitForLoadState('networkidle');
    await Promise.all(reads);
    expect(seenByBrowser.length).toBeGreaterThan(2);
    for (const text of seenByBrowser) expect(text).not.toContain(SENTINEL);
    for (const file of filesUnder(outDir)) expect(readFileSync(file, 'utf8'), file).not.toContain(SENTINEL);
    expect(build).not.toContain(SENTINEL);
    expect(preview.output()).not.toContain(SENTINEL);
  } finally {
    await preview.stop();
    await upstream.close();
  }
});
