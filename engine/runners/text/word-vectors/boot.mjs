// Entry of the word-vector loading thread. Node 20 ignores `--import tsx` for a worker's own entry
// file, so this plain-JS file registers tsx's loader first, then imports the TypeScript entry
// named in workerData (the same trick as engine/vision/worker-boot.mjs).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
