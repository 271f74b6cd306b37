/**
 * A child process for the crash test (workflows/store-crash.test.ts): opens the store in the folder
 * given and writes big versions of `ocr-translate` until it is killed. Prints "ready" first.
 */
import { WorkflowStore } from '../workflows/store';

const dir = process.argv[2];
if (!dir) throw new Error('usage: write-versions-forever.ts <workflows dir>');
const store = await WorkflowStore.open(dir, { warn: () => undefined });
const description = 'x'.repeat(40 * 1024 * 1024);
process.stdout.write('ready\n');
for (;;) {
  await store.addVersion('ocr-translate', {
    nodes: [{ id: 'ocr', model: { model_id: 'ocr-tesseract-english' } }],
    description,
  });
}
