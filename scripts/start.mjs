#!/usr/bin/env node
/**
 * `npm start`: install what is missing, then run the engine and the app side by side.
 * The app (Vite) proxies `/v2` to the engine, or to Clarifai's cloud when CLARIFAI_PAT is set.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import process from 'node:process';
import { setup } from './setup.mjs';

const root = path.resolve(import.meta.dirname, '..');
setup({ browser: false });

const cloud = Boolean(process.env.CLARIFAI_PAT) || Boolean(process.env.API_TARGET);
const children = [];

function start(name, command, args) {
  const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
  const prefix = (line) => (line ? `[${name}] ${line}` : line);
  const relay = (stream, out) =>
    stream.on('data', (chunk) => out.write(String(chunk).split('\n').map(prefix).join('\n')));
  relay(child.stdout, process.stdout);
  relay(child.stderr, process.stderr);
  child.on('exit', (code, signal) => {
    console.log(`[${name}] stopped (${signal ?? code})`);
    shutdown(code ?? 1);
  });
  children.push(child);
  return child;
}

let stopping = false;
function shutdown(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 500).unref();
}
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));

const bin = (name) => path.join(root, 'node_modules', '.bin', name);
if (!cloud) start('engine', process.execPath, ['--import', 'tsx', 'engine/main.ts']);
start('app', bin('vite'), ['--clearScreen', 'false', '--logLevel', 'warn']);

setTimeout(() => {
  console.log('\n  Workflow Lens is running: http://127.0.0.1:5173\n');
  console.log(cloud ? '  API: Clarifai cloud (token stays in this process)\n' : '  API: local engine at http://127.0.0.1:4010\n');
}, 1500).unref();
