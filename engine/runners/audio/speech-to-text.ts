/**
 * English speech recognition with CMU PocketSphinx (Debian `pocketsphinx` + `pocketsphinx-en-us`),
 * spawned per item. Any audio ffmpeg reads (WAV, MP3, OGG, FLAC, M4A...) is first converted to
 * what PocketSphinx needs, 16 kHz mono 16-bit WAV, in a temporary folder removed afterwards.
 * Output: `text.raw`, one line per utterance (PocketSphinx splits at pauses), lower case, no
 * punctuation. Measured ≈ 0.3× real time; exact on clear synthetic speech.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { StatusCode } from '../../../contract/clarifai';
import { decodeBase64 } from '../../media/base64';
import { MEDIA_LIMITS } from '../../media/limits';
import { loadOnce } from '../load-once';
import { answerEachInTurn } from '../each-item';
import type { Runner, RunnerItem } from '../types';
import { parseParams } from '../vision/params';
import { ItemFailure } from '../vision/sources';
import { checkProgram, defaultAudioTools, ProgramFailed, runProgram, type AudioTools } from './tools';

const Params = z.looseObject({
  /** Longest run of the recogniser for one input, in seconds. */
  timeout_seconds: z.number().int().min(1).max(3600).default(600),
});

/**
 * ffmpeg's input is a file a client sent: only the `file` protocol and audio containers, so a
 * playlist or concat script posing as audio cannot make ffmpeg read other files or fetch URLs.
 */
const SAFE_AUDIO_INPUT = [
  '-protocol_whitelist',
  'file',
  '-format_whitelist',
  'wav,w64,mp3,ogg,flac,aac,aiff,caf,amr,mov,mp4,m4a,3gp,3g2,mj2,matroska,webm,asf',
];

export interface SpeechToTextOptions {
  readonly tools?: AudioTools;
}

export function createSpeechToTextRunner(model: string, options: SpeechToTextOptions = {}): Runner {
  const tools = options.tools ?? defaultAudioTools();
  const install = 'apt-get install pocketsphinx pocketsphinx-en-us ffmpeg';
  const acoustic = path.join(tools.sphinxModelDir, 'en-us');
  const languageModel = path.join(tools.sphinxModelDir, 'en-us.lm.bin');
  const dictionary = path.join(tools.sphinxModelDir, 'cmudict-en-us.dict');

  const loader = loadOnce(async () => {
    await checkProgram(tools.ffmpeg, ['-version'], 'apt-get install ffmpeg');
    await checkProgram(tools.pocketsphinx, ['-logfn', '/dev/null'], install, [
      path.join(acoustic, 'mdef'),
      languageModel,
      dictionary,
    ]);
  });

  async function recognise(audio: Buffer, timeoutMs: number, signal: AbortSignal): Promise<string> {
    const dir = await mkdtemp(path.join(tmpdir(), 'lens-asr-'));
    try {
      const input = path.join(dir, 'input');
      const wav = path.join(dir, 'speech.wav');
      await writeFile(input, audio);
      try {
        await runProgram(
          tools.ffmpeg,
          [
            '-nostdin',
            '-v',
            'error',
            ...SAFE_AUDIO_INPUT,
            '-i',
            input,
            '-map',
            '0:a:0',
            '-vn',
            '-ac',
            '1',
            '-ar',
            '16000',
            '-c:a',
            'pcm_s16le',
            '-f',
            'wav',
            wav,
          ],
          'apt-get install ffmpeg',
          { signal, timeoutMs },
        );
      } catch (error) {
        if (!(error instanceof ProgramFailed)) throw error;
        throw new ItemFailure(
          StatusCode.INPUT_DECODE_FAILED,
          `audio could not be decoded: it is not a sound file ffmpeg reads (WAV, MP3, OGG, FLAC, M4A...)${error.stderr ? ` (${error.stderr})` : ''}`,
        );
      }
      const stdout = await runProgram(
        tools.pocketsphinx,
        ['-infile', wav, '-hmm', acoustic, '-lm', languageModel, '-dict', dictionary, '-logfn', '/dev/null'],
        install,
        { signal, timeoutMs },
      );
      return stdout
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
        .join('\n');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  return {
    load: loader.load,
    async predict(items, rawParams, ctx) {
      await loader.load();
      const params = parseParams(Params, rawParams, model);
      // One at a time: PocketSphinx takes a whole core, and items of a batch share two cores.
      return answerEachInTurn(items, model, async (item) => {
        const audio = audioOf(item, model);
        return { text: { raw: await recognise(audio, params.timeout_seconds * 1000, ctx.signal) } };
      });
    },
    async close() {
      loader.reset();
    },
  };
}

/** The audio of a parent (text-to-audio before this node), else the workflow input's. */
function audioOf(item: RunnerItem, model: string): Buffer {
  for (const parent of item.parents) {
    const base64 = parent.audio?.base64;
    if (base64) return decodeBase64(base64, MEDIA_LIMITS.audioBytes, 'audio.base64');
  }
  if (item.parents.length === 0 && item.input.audio) return item.input.audio;
  const has = ['image', 'video', 'text'].filter((kind) => item.input.data[kind] !== undefined);
  throw new ItemFailure(
    StatusCode.INPUT_INVALID_ARGUMENT,
    item.parents.length > 0
      ? `${model} reads audio, and the node before it gave none`
      : `${model} reads audio: ${has.length > 0 ? `this input has ${has.join(' and ')} but no audio` : 'this input has no audio'}; send data.audio.base64 or data.audio.url`,
  );
}
