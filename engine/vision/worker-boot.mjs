// Entry of every vision worker thread. Node 20 ignores `--import tsx` in a worker's execArgv for
// the worker's own entry file, so this plain-JS file registers tsx's loader first and then
// imports the TypeScript entry named in workerData. It works the same under `node --import tsx`,
// vitest and plain node.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
