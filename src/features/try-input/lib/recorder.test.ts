import { afterEach, describe, expect, it } from 'vitest';
import {
  browserRecordingEnv,
  formatClock,
  microphoneProblem,
  pickRecordingType,
  recordingFileName,
  startRecording,
} from '@/features/try-input/lib/recorder';
import { installFakeMicrophone, removeFakeMicrophone } from '@/test/fake-media';

afterEach(removeFakeMicrophone);

describe('recording helpers', () => {
  it('picks the first type the browser can write, and names the file after it', () => {
    expect(pickRecordingType((type) => type.startsWith('audio/ogg'))).toBe('audio/ogg;codecs=opus');
    expect(pickRecordingType(() => false)).toBeUndefined();
    expect(recordingFileName('audio/webm;codecs=opus')).toBe('recording.webm');
    expect(recordingFileName('audio/ogg')).toBe('recording.ogg');
    expect(recordingFileName('audio/mp4')).toBe('recording.m4a');
  });

  it('says what to do when the microphone cannot be used', () => {
    expect(microphoneProblem(new DOMException('denied', 'NotAllowedError'))).toMatch(
      /^Microphone access was refused\./,
    );
    expect(microphoneProblem(new DOMException('none', 'NotFoundError'))).toBe(
      'No microphone was found. Plug one in, or choose an audio file.',
    );
    expect(microphoneProblem(new Error('boom'))).toBe(
      'Recording failed: boom. Choose an audio file instead.',
    );
  });

  it('shows minutes and seconds', () => {
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(75_400)).toBe('1:15');
  });
});

describe('startRecording', () => {
  it('refuses where there is no microphone API (an insecure page) or no MediaRecorder', async () => {
    await expect(startRecording(browserRecordingEnv())).rejects.toThrow(/secure page/);
    await expect(
      startRecording({ getUserMedia: async () => new MediaStream(), MediaRecorder: undefined }),
    ).rejects.toThrow('This browser cannot record audio');
  });

  it('records in chunks and gives a file, releasing the microphone', async () => {
    const mic = installFakeMicrophone();
    const recording = await startRecording(browserRecordingEnv());
    expect(mic.recorders[0]).toMatchObject({
      state: 'recording',
      mimeType: 'audio/webm;codecs=opus',
      timeslice: 1000,
    });
    expect(mic.tracks[0]?.stopped).toBe(false);
    const file = await recording.stop();
    expect(file).toMatchObject({ name: 'recording.webm', type: 'audio/webm', size: 4 });
    expect(mic.tracks[0]?.stopped).toBe(true);
  });

  it('releases the microphone when cancelled', async () => {
    const mic = installFakeMicrophone();
    const recording = await startRecording(browserRecordingEnv());
    recording.cancel();
    await Promise.resolve();
    await Promise.resolve();
    expect(mic.tracks[0]?.stopped).toBe(true);
  });

  it('passes on a refused permission', async () => {
    installFakeMicrophone({ refuse: 'NotAllowedError' });
    await expect(startRecording(browserRecordingEnv())).rejects.toMatchObject({ name: 'NotAllowedError' });
  });
});
