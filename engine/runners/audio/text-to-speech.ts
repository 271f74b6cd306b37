/**
 * Speech from text with CMU Flite (Debian `flite`), spawned per item: `data.audio` is the WAV flite
 * writes, base64, with `audio_info {audio_format: 'WAV', sample_rate, duration_seconds}` read from
 * its header. The text goes through a temporary file (`-f`), never the command line, and the voice
 * is one of flite's built-in ones by name: flite would also take a path or URL there.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import type { Data } from '../../../contract/clarifai';
import { StatusCode } from '../../../contract/clarifai';
import { loadOnce } from '../load-once';
import { answerEachInTurn } from '../each-item';
import type { Runner } from '../types';
import { parseParams } from '../vision/params';
import { ItemFailure } from '../vision/sources';
import { missingText, sourceText } from '../text/source';
import { checkProgram, defaultAudioTools, runProgram, type AudioTools } from './tools';
import { readWavInfo } from './wav';

/** flite 2.2's built-in voices: kal is 8 kHz (telephone quality), the others 16 kHz. */
export const FLITE_VOICES = ['slt', 'rms', 'awb', 'kal16', 'kal'] as const;

const Params = z.looseObject({
  voice: z.enum(FLITE_VOICES).default('slt'),
  /** Speaking rate: 1 is flite's own, 0.8 slower, 1.25 faster. */
  rate: z.number().min(0.25).max(4).default(1),
  /** Longer text answers 30105: a minute of speech is about 900 characters and 2 MB of WAV. */
  max_characters: z.number().int().min(1).max(100_000).default(5000),
});

export interface TextToSpeechOptions {
  readonly tools?: AudioTools;
}

export function createTextToSpeechRunner(model: string, options: TextToSpeechOptions = {}): Runner {
  const tools = options.tools ?? defaultAudioTools();
  const install = 'apt-get install flite';
  const loader = loadOnce(() => checkProgram(tools.flite, ['--version'], install));

  async function speak(text: string, params: z.infer<typeof Params>, signal: AbortSignal): Promise<Data> {
    const dir = await mkdtemp(path.join(tmpdir(), 'lens-flite-'));
    try {
      const input = path.join(dir, 'text.txt');
      const output = path.join(dir, 'speech.wav');
      await writeFile(input, text, 'utf8');
      const stretch = params.rate === 1 ? [] : ['--setf', `duration_stretch=${(1 / params.rate).toFixed(4)}`];
      await runProgram(
        tools.flite,
        ['-voice', params.voice, ...stretch, '-f', input, '-o', output],
        install,
        {
          signal,
          timeoutMs: 120_000,
        },
      );
      const wav = await readFile(output);
      const info = readWavInfo(wav);
      return {
        audio: {
          base64: wav.toString('base64'),
          audio_info: {
            audio_format: 'WAV',
            sample_rate: info.sampleRate,
            duration_seconds: Math.round(info.durationSeconds * 1000) / 1000,
            bit_rate: info.sampleRate * info.channels * info.bitsPerSample,
          },
        },
      };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  return {
    load: loader.load,
    async predict(items, rawParams, ctx) {
      await loader.load();
      const params = parseParams(Params, rawParams, model);
      return answerEachInTurn(items, model, async (item) => {
        const text = sourceText(item);
        if (text === undefined)
          throw new ItemFailure(StatusCode.INPUT_INVALID_ARGUMENT, missingText(model, item));
        const spoken = text.trim();
        if (spoken === '')
          throw new ItemFailure(
            StatusCode.INPUT_INVALID_ARGUMENT,
            `${model}: the text is empty, there is nothing to say`,
          );
        if (spoken.length > params.max_characters) {
          throw new ItemFailure(
            StatusCode.INPUT_OVER_LIMIT,
            `${model}: the text is ${spoken.length} characters, over the ${params.max_characters} this node speaks (max_characters): shorten it or summarise it first`,
          );
        }
        return speak(spoken, params, ctx.signal);
      });
    },
    async close() {
      loader.reset();
    },
  };
}
