#!/usr/bin/env node
/**
 * `npm test`: every suite, then one plain line `N passed, N failed` that CI reads.
 * Typecheck and lint count as one check each; Vitest and Playwright count their tests.
 * Pass suite names to run a subset: `npm test -- unit e2e`.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { setup } from './setup.mjs';

const root = path.resolve(import.meta.dirname, '..');
const tmp = path.join(root, '.tmp');
mkdirSync(tmp, { recursive: true });

if (!setup({ browser: true })) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const run = (command, args, env = {}) =>
  spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

const suites = {
  typecheck() {
    return run(bin('tsc'), ['-b']) === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };
  },
  lint() {
    return run(bin('eslint'), ['.', '--max-warnings', '0']) === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };
  },
  unit() {
    const out = path.join(tmp, 'vitest.json');
    rmSync(out, { force: true });
    const code = run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]);
    const report = readJson(out);
    if (!report) return { passed: 0, failed: 1 };
    const failed = report.numFailedTests + (code !== 0 && report.numFailedTests === 0 ? 1 : 0);
    return { passed: report.numPassedTests, failed };
  },
  e2e() {
    const out = path.join(tmp, 'playwright.json');
    rmSync(out, { force: true });
    const code = run(bin('playwright'), ['test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: out });
    const stats = readJson(out)?.stats;
    if (!stats) return { passed: 0, failed: 1 };
    // A test that failed once and passed on its retry counts as passed, but is named by the reporter.
    const failed = stats.unexpected + (code !== 0 && stats.unexpected === 0 ? 1 : 0);
    return { passed: stats.expected + stats.flaky, failed };
  },
};

const wanted = process.argv.slice(2).filter((name) => name in suites);
const names = wanted.length > 0 ? wanted : Object.keys(suites);
let passed = 0;
let failed = 0;
const rows = [];
for (const name of names) {
  console.log(`\n=== ${name} ===`);
  const result = suites[name]();
  passed += result.passed;
  failed += result.failed;
  rows.push(`${name.padEnd(10)} ${result.passed} passed, ${result.failed} failed`);
}
console.log(`\n${rows.join('\n')}\n`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
