/**
 * Recording from the microphone with MediaRecorder: the browser's own compressed format (WebM or
 * Ogg with Opus), which the engine converts with ffmpeg. The browser parts come in as arguments
 * so tests can give fakes; `browserRecordingEnv()` is the real thing.
 */

export interface RecordingEnv {
  getUserMedia: ((constraints: MediaStreamConstraints) => Promise<MediaStream>) | undefined;
  MediaRecorder: typeof MediaRecorder | undefined;
}

export function browserRecordingEnv(): RecordingEnv {
  const devices = typeof navigator === 'undefined' ? undefined : navigator.mediaDevices;
  return {
    getUserMedia: devices?.getUserMedia ? (constraints) => devices.getUserMedia(constraints) : undefined,
    MediaRecorder: typeof MediaRecorder === 'undefined' ? undefined : MediaRecorder,
  };
}

/** In order of preference; the first the browser can write is used. */
const RECORDING_TYPES = [
  'audio/webm;codecs=opus',
  'audio/webm',
  'audio/ogg;codecs=opus',
  'audio/ogg',
  'audio/mp4',
];

export function pickRecordingType(isTypeSupported: (type: string) => boolean): string | undefined {
  return RECORDING_TYPES.find((type) => isTypeSupported(type));
}

/** "audio/webm;codecs=opus" → "recording.webm". */
export function recordingFileName(type: string): string {
  const subtype = type.split(';')[0]?.split('/')[1] ?? '';
  const extension = subtype === 'mp4' ? 'm4a' : subtype || 'webm';
  return `recording.${extension}`;
}

/** A thrown getUserMedia/MediaRecorder error in words a person can act on. */
export function microphoneProblem(error: unknown): string {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return 'Microphone access was refused. Allow it for this page in the browser’s site settings (the icon left of the address), or choose an audio file.';
    case 'NotFoundError':
    case 'OverconstrainedError':
      return 'No microphone was found. Plug one in, or choose an audio file.';
    case 'NotReadableError':
    case 'AbortError':
      return 'The microphone could not be opened: another program may be using it. Close it, or choose an audio file.';
    default:
      return `Recording failed${error instanceof Error && error.message ? `: ${error.message}` : ''}. Choose an audio file instead.`;
  }
}

export class RecordingUnavailable extends Error {
  override readonly name = 'RecordingUnavailable';
}

export interface Recording {
  /** Stops, releases the microphone, and gives the whole recording. */
  stop: () => Promise<File>;
  /** Stops and releases the microphone, keeping nothing. */
  cancel: () => void;
}

/**
 * Asks for the microphone and starts recording. Rejects with `RecordingUnavailable` when the
 * browser cannot record here, or with getUserMedia's own error (see `microphoneProblem`).
 */
export async function startRecording(env: RecordingEnv): Promise<Recording> {
  const Recorder = env.MediaRecorder;
  if (!env.getUserMedia) {
    throw new RecordingUnavailable(
      'Recording needs a secure page (https or localhost) in a browser with a microphone API: choose an audio file instead.',
    );
  }
  if (!Recorder)
    throw new RecordingUnavailable('This browser cannot record audio: choose an audio file instead.');
  const stream = await env.getUserMedia({ audio: true });
  const release = () => stream.getTracks().forEach((track) => track.stop());
  let recorder: MediaRecorder;
  try {
    const type = pickRecordingType((candidate) => Recorder.isTypeSupported(candidate));
    recorder = new Recorder(stream, type ? { mimeType: type } : undefined);
  } catch (error) {
    release();
    throw error;
  }
  const chunks: Blob[] = [];
  recorder.addEventListener('dataavailable', (event) => {
    if (event.data.size > 0) chunks.push(event.data);
  });
  const stopped = new Promise<File>((resolve, reject) => {
    recorder.addEventListener('stop', () => {
      release();
      const type = recorder.mimeType || chunks[0]?.type || 'audio/webm';
      resolve(new File(chunks, recordingFileName(type), { type: type.split(';')[0] ?? type }));
    });
    recorder.addEventListener('error', () => {
      release();
      reject(new Error('the recorder stopped with an error'));
    });
  });
  // Chunks every second: a long recording is not held in one growing buffer by the browser.
  recorder.start(1000);
  let cancelled = false;
  return {
    stop: () => {
      if (recorder.state !== 'inactive') recorder.stop();
      return stopped;
    },
    cancel: () => {
      if (cancelled) return;
      cancelled = true;
      // The "stop" listener still releases the tracks; its File is simply never used.
      stopped.catch(() => undefined);
      if (recorder.state !== 'inactive') recorder.stop();
      else release();
    },
  };
}

/** 75_000 ms → "1:15". */
export function formatClock(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
