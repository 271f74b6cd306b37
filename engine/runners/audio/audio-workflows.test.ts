/**
 * text-to-audio and asr-sentiment end to end, through the HTTP app with the real Debian tools:
 * flite speaks, ffmpeg converts, PocketSphinx listens. The speech is made here with flite's slt
 * voice (16 kHz; PocketSphinx transcribes it exactly, apart from homophones).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostWorkflowResultsResponse, type Input } from '../../../contract/clarifai';
import { defaultCatalog } from '../../models/catalog';
import { jsonRequest, startTestEngine, type TestEngine } from '../../test/fixtures';
import { createSpeechToTextRunner } from './speech-to-text';
import { createTextToSpeechRunner } from './text-to-speech';
import { defaultAudioTools } from './tools';
import { readWavInfo } from './wav';

const run = promisify(execFile);

const VERSIONS = {
  'text-to-audio': ['7c110ecb52cf50783ae582738584278c', '9e88325b7ec1211818b25d1a4504c458'],
  'asr-sentiment': ['a852ea11877804fd3ce29da20cd49e4f', 'b535ae9fac6de74e99847d03a93d4341'],
} as const;

const SENTENCE = 'I love this wonderful weather, it makes me happy';
const AUDIO_URL = 'https://sounds.example/speech.ogg';

let t: TestEngine;
let dir: string;
const speech: Record<'wav' | 'mp3' | 'ogg', string> = { wav: '', mp3: '', ogg: '' };

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lens-audio-test-'));
  const wav = path.join(dir, 'speech.wav');
  await run('flite', ['-voice', 'slt', '-t', SENTENCE, '-o', wav]);
  await run('ffmpeg', [
    '-v',
    'error',
    '-i',
    wav,
    '-c:a',
    'libmp3lame',
    '-b:a',
    '64k',
    path.join(dir, 'speech.mp3'),
  ]);
  await run('ffmpeg', ['-v', 'error', '-i', wav, '-c:a', 'libvorbis', path.join(dir, 'speech.ogg')]);
  for (const format of ['wav', 'mp3', 'ogg'] as const) {
    speech[format] = (await readFile(path.join(dir, `speech.${format}`))).toString('base64');
  }
  t = await startTestEngine({
    catalog: defaultCatalog({ generative: null }),
    fetch: async (url) =>
      String(url) === AUDIO_URL
        ? new Response(Buffer.from(speech.ogg, 'base64'))
        : new Response('not found', { status: 404 }),
  });
});

afterAll(async () => {
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

async function predict(workflow: keyof typeof VERSIONS, inputs: Input[], version: 0 | 1) {
  const response = await t.app.request(
    `/v2/users/local/apps/main/workflows/${workflow}/versions/${VERSIONS[workflow][version]}/results`,
    jsonRequest('POST', { inputs }),
  );
  return { http: response.status, body: PostWorkflowResultsResponse.parse(await response.json()) };
}

async function outputsOf(workflow: keyof typeof VERSIONS, input: Input, version: 0 | 1) {
  const { http, body } = await predict(workflow, [input], version);
  const outputs = body.results?.[0]?.outputs ?? [];
  expect(http).toBe(200);
  expect(body.status.code, JSON.stringify(outputs.map((o) => o.status))).toBe(10000);
  return outputs;
}

describe('text-to-audio', () => {
  it('v1 speaks with slt, v2 with rms and slower: WAVs whose headers match audio_info', async () => {
    const input: Input = { data: { text: { raw: 'The weather is wonderful today.' } } };
    const [slt] = await outputsOf('text-to-audio', input, 0);
    const [rms] = await outputsOf('text-to-audio', input, 1);
    expect(slt?.model).toMatchObject({ id: 'text-to-speech-flite', model_type_id: 'text-to-audio' });
    const durations: number[] = [];
    for (const output of [slt, rms]) {
      const audio = output?.data?.audio;
      const wav = readWavInfo(Buffer.from(audio?.base64 ?? '', 'base64'));
      expect(wav).toMatchObject({ format: 1, channels: 1, bitsPerSample: 16, sampleRate: 16000 });
      expect(wav.durationSeconds).toBeGreaterThan(1);
      expect(audio?.audio_info).toMatchObject({
        audio_format: 'WAV',
        sample_rate: 16000,
        duration_seconds: Math.round(wav.durationSeconds * 1000) / 1000,
      });
      durations.push(wav.durationSeconds);
    }
    // 20% slower, and another voice: clearly longer.
    expect(durations[1]).toBeGreaterThan((durations[0] ?? 0) * 1.1);
  });

  it('refuses empty text and text past max_characters, each for its own input', async () => {
    const { body } = await predict(
      'text-to-audio',
      [
        { data: { text: { raw: '   ' } } },
        { data: { text: { raw: 'x'.repeat(5001) } } },
        { data: { text: { raw: 'Hi.' } } },
      ],
      0,
    );
    expect(body.status.code).toBe(10010);
    const statuses = body.results?.map((r) => r.outputs?.[0]?.status);
    expect(statuses?.[0]).toMatchObject({ code: 30104, details: expect.stringMatching(/nothing to say/) });
    expect(statuses?.[1]).toMatchObject({
      code: 30105,
      details: expect.stringMatching(/5001 characters, over the 5000/),
    });
    expect(statuses?.[2]?.code).toBe(10000);
  });
});

describe('asr-sentiment', () => {
  const words = (raw: string | undefined) => (raw ?? '').split(/\s+/);

  it('v1: the spoken sentence comes back as text, then its sentiment, from WAV, MP3 and OGG', async () => {
    for (const format of ['wav', 'mp3', 'ogg'] as const) {
      const [asr, sentiment, ...rest] = await outputsOf(
        'asr-sentiment',
        { data: { audio: { base64: speech[format] } } },
        0,
      );
      expect(rest).toEqual([]);
      expect(asr?.model).toMatchObject({ id: 'asr-pocketsphinx-english', model_type_id: 'audio-to-text' });
      // PocketSphinx hears "weather" as "whether": assert on the words that matter.
      expect(words(asr?.data?.text?.raw), format).toEqual(
        expect.arrayContaining(['i', 'love', 'wonderful', 'happy']),
      );
      expect(sentiment?.model).toMatchObject({
        id: 'sentiment-analysis-vader',
        model_type_id: 'text-classifier',
      });
      expect(sentiment?.data?.concepts?.[0]?.id).toBe('positive');
    }
  });

  it('v2: audio by URL, and a summary of the transcript beside the sentiment', async () => {
    const { http, body } = await predict(
      'asr-sentiment',
      [{ id: 'clip', data: { audio: { url: AUDIO_URL } } }],
      1,
    );
    expect(http).toBe(200);
    expect(body.status.code).toBe(10000);
    const [asr, sentiment, summary] = body.results?.[0]?.outputs ?? [];
    expect(body.results?.[0]?.input).toEqual({ id: 'clip', data: { audio: { url: AUDIO_URL } } });
    expect(words(asr?.data?.text?.raw)).toEqual(expect.arrayContaining(['love', 'wonderful']));
    expect(sentiment?.data?.concepts?.[0]?.id).toBe('positive');
    expect(summary?.model?.id).toBe('text-summarization-extractive');
    expect(summary?.data?.text?.raw).toBe(asr?.data?.text?.raw);
  });

  it('audio ffmpeg cannot read fails that input with 30300; a text input says it needs audio', async () => {
    const { body } = await predict(
      'asr-sentiment',
      [
        { data: { audio: { base64: Buffer.from('this is not a sound file').toString('base64') } } },
        { data: { text: { raw: 'hi' } } },
      ],
      0,
    );
    const [noise, text] = body.results ?? [];
    expect(noise?.outputs?.[0]?.status).toMatchObject({
      code: 30300,
      details: expect.stringMatching(/audio could not be decoded/),
    });
    expect(noise?.outputs?.[1]?.status).toMatchObject({
      code: 21313,
      details: expect.stringMatching(/not run/),
    });
    expect(text?.outputs?.[0]?.status).toMatchObject({
      code: 30104,
      details: expect.stringMatching(/has text but no audio/),
    });
  });
});

describe('missing Debian tools', () => {
  it('answer 21353 with the apt-get line that installs them', async () => {
    const tools = defaultAudioTools();
    await expect(
      createTextToSpeechRunner('tts', { tools: { ...tools, flite: 'flite-not-installed' } }).load(),
    ).rejects.toMatchObject({
      code: 21353,
      details: 'flite-not-installed is not installed: run `apt-get install flite`',
    });
    await expect(
      createSpeechToTextRunner('asr', {
        tools: { ...tools, pocketsphinx: 'pocketsphinx-not-installed' },
      }).load(),
    ).rejects.toMatchObject({
      code: 21353,
      details: expect.stringContaining('apt-get install pocketsphinx pocketsphinx-en-us'),
    });
    await expect(
      createSpeechToTextRunner('asr', { tools: { ...tools, ffmpeg: 'ffmpeg-not-installed' } }).load(),
    ).rejects.toMatchObject({
      code: 21353,
      details: expect.stringContaining('apt-get install ffmpeg'),
    });
    await expect(
      createSpeechToTextRunner('asr', {
        tools: { ...tools, sphinxModelDir: path.join(dir, 'no-model') },
      }).load(),
    ).rejects.toMatchObject({
      code: 21353,
      details: expect.stringContaining('is missing: run `apt-get install pocketsphinx'),
    });
  });
});
