#!/usr/bin/env node
/**
 * Installs what Workflow Lens needs and is missing: npm packages (from the lockfile) and the Debian
 * packages its models and tests run (apertium, ffmpeg, flite, pocketsphinx, chromium).
 * Plain Node with no dependencies, because it runs before `npm ci` on a fresh clone.
 *
 *   node scripts/setup.mjs            everything
 *   node scripts/setup.mjs --no-browser   skip chromium (the engine and app alone don't need it)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';

const root = path.resolve(import.meta.dirname, '..');

/** Debian packages, each with a file that proves it is installed (dpkg is slower to ask). */
export const DEBIAN_PACKAGES = [
  { name: 'apertium', probe: '/usr/bin/apertium', why: 'translation runner' },
  { name: 'apertium-eng-spa', probe: '/usr/share/apertium/modes/eng-spa.mode', why: 'English → Spanish' },
  { name: 'apertium-eng-cat', probe: '/usr/share/apertium/modes/eng-cat.mode', why: 'English → Catalan' },
  { name: 'ffmpeg', probe: '/usr/bin/ffmpeg', why: 'video frames, audio conversion' },
  { name: 'flite', probe: '/usr/bin/flite', why: 'speech synthesis' },
  { name: 'pocketsphinx', probe: '/usr/bin/pocketsphinx_continuous', why: 'speech recognition' },
  { name: 'pocketsphinx-en-us', probe: '/usr/share/pocketsphinx/model/en-us', why: 'English acoustic model' },
  { name: 'tesseract-ocr', probe: '/usr/bin/tesseract', why: 'benchmark: the shell pipeline' },
  {
    name: 'tesseract-ocr-eng',
    probe: '/usr/share/tesseract-ocr/5/tessdata/eng.traineddata',
    why: 'benchmark: the shell pipeline',
  },
  {
    name: 'fonts-dejavu-core',
    probe: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
    why: 'text in test media',
  },
  { name: 'chromium', probe: '/usr/bin/chromium', why: 'end-to-end tests', browser: true },
];

function log(message) {
  console.log(`[setup] ${message}`);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root, ...options });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status}`);
}

function npmPackagesCurrent() {
  const installed = path.join(root, 'node_modules', '.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  return existsSync(installed) && statSync(installed).mtimeMs >= statSync(lock).mtimeMs;
}

function ensureNpmPackages() {
  if (npmPackagesCurrent()) return;
  log('installing npm packages (npm ci)…');
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

function ensureDebianPackages({ browser }) {
  const wanted = DEBIAN_PACKAGES.filter((p) => browser || !p.browser);
  const missing = wanted.filter((p) => !existsSync(p.probe));
  if (missing.length === 0) return true;
  const names = missing.map((p) => p.name);
  const command = `apt-get update && apt-get install -y ${names.join(' ')}`;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    log(`missing Debian packages: ${missing.map((p) => `${p.name} (${p.why})`).join(', ')}`);
    log(`install them with:\n\n    sudo ${command}\n`);
    return false;
  }
  log(`installing Debian packages: ${names.join(' ')}…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], { env });
  run('apt-get', ['install', '-y', '-qq', ...names], { env });
  return true;
}

export function setup({ browser = true } = {}) {
  ensureNpmPackages();
  return ensureDebianPackages({ browser });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const ok = setup({ browser: !process.argv.includes('--no-browser') });
  process.exit(ok ? 0 : 1);
}
