import { defineConfig, devices } from '@playwright/test';
import { e2eDistDir } from './e2e/support/dist';

/** Ports apart from `npm start`'s (4010 / 5173), so the suite runs beside a running dev session. */
const ENGINE_PORT = Number(process.env.E2E_ENGINE_PORT ?? 4110);
const APP_PORT = Number(process.env.E2E_APP_PORT ?? 4273);
/** The suite's own build (not dist/), one per app port, so a build elsewhere cannot change it mid-run. */
const OUT_DIR = e2eDistDir(APP_PORT);

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 20_000 },
  forbidOnly: Boolean(process.env.CI),
  use: {
    baseURL: `http://127.0.0.1:${APP_PORT}`,
    trace: 'retain-on-failure',
    ...devices['Desktop Chrome'],
    launchOptions: {
      // Debian's Chromium: Playwright's own browser download is not reachable from these machines.
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: [
    {
      command: 'node --import tsx engine/main.ts',
      url: `http://127.0.0.1:${ENGINE_PORT}/healthz`,
      env: { ENGINE_PORT: String(ENGINE_PORT) },
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'pipe',
    },
    {
      // The production build behind `vite preview`, whose proxy forwards /v2 to the engine above.
      command: `npx vite build --logLevel warn --outDir ${OUT_DIR} --emptyOutDir && npx vite preview --port ${APP_PORT} --strictPort --outDir ${OUT_DIR}`,
      url: `http://127.0.0.1:${APP_PORT}/`,
      env: { ENGINE_PORT: String(ENGINE_PORT), API_TARGET: '', CLARIFAI_PAT: '' },
      reuseExistingServer: false,
      timeout: 120_000,
    },
  ],
});
