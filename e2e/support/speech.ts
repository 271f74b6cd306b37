import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A sentence spoken by flite into a 16 kHz mono WAV file; returns its path and bytes. */
export async function spokenWav(
  sentence: string,
): Promise<{ file: string; bytes: Buffer; dispose: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'lens-speech-'));
  const raw = path.join(dir, 'raw.wav');
  const file = path.join(dir, 'speech.wav');
  await run('flite', ['-voice', 'slt', '-t', sentence, '-o', raw]);
  // A second of silence after the sentence lets a looping fake microphone separate repetitions.
  await run('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-i',
    raw,
    '-af',
    'apad=pad_dur=1',
    '-ar',
    '16000',
    '-ac',
    '1',
    file,
  ]);
  return { file, bytes: await readFile(file), dispose: () => rm(dir, { recursive: true, force: true }) };
}
