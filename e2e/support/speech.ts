import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * A sentence spoken by flite into a 16 kHz mono 16-bit WAV file; returns its path and bytes. By
 * default a second of silence follows the sentence, so a looping fake microphone separates
 * repetitions.
 */
export async function spokenWav(
  sentence: string,
  { padSeconds = 1 }: { padSeconds?: number } = {},
): Promise<{ file: string; bytes: Buffer; dispose: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'lens-speech-'));
  const raw = path.join(dir, 'raw.wav');
  const file = path.join(dir, 'speech.wav');
  await run('flite', ['-voice', 'slt', '-t', sentence, '-o', raw]);
  await run('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-i',
    raw,
    ...(padSeconds > 0 ? ['-af', `apad=pad_dur=${padSeconds}`] : []),
    '-c:a',
    'pcm_s16le',
    '-ar',
    '16000',
    '-ac',
    '1',
    file,
  ]);
  return { file, bytes: await readFile(file), dispose: () => rm(dir, { recursive: true, force: true }) };
}
