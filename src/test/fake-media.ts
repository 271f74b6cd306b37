/**
 * A microphone and MediaRecorder for jsdom, which has neither: `installFakeMicrophone()` puts a
 * `navigator.mediaDevices.getUserMedia` and a `MediaRecorder` in place. The recorder hands out
 * the chunks it was given when stopped, as a browser does.
 */
import { vi } from 'vitest';

export interface FakeMicrophone {
  /** The tracks handed out, to check they were stopped (the mic released). */
  tracks: { stopped: boolean }[];
  recorders: FakeMediaRecorder[];
}

export class FakeMediaRecorder extends EventTarget {
  static supported = ['audio/webm;codecs=opus', 'audio/webm'];
  static isTypeSupported(type: string) {
    return FakeMediaRecorder.supported.includes(type);
  }
  static chunks: BlobPart[] = [new Uint8Array([0x1a, 0x45, 0xdf, 0xa3])];

  state: 'inactive' | 'recording' = 'inactive';
  readonly mimeType: string;
  timeslice: number | undefined;

  constructor(
    readonly stream: MediaStream,
    options?: MediaRecorderOptions,
  ) {
    super();
    this.mimeType = options?.mimeType ?? '';
  }

  start(timeslice?: number) {
    this.state = 'recording';
    this.timeslice = timeslice;
  }

  stop() {
    this.state = 'inactive';
    // A browser fires these asynchronously.
    queueMicrotask(() => {
      const event = new Event('dataavailable');
      Object.defineProperty(event, 'data', {
        value: new Blob(FakeMediaRecorder.chunks, { type: this.mimeType }),
      });
      this.dispatchEvent(event);
      this.dispatchEvent(new Event('stop'));
    });
  }
}

export function installFakeMicrophone({ refuse }: { refuse?: string } = {}): FakeMicrophone {
  const mic: FakeMicrophone = { tracks: [], recorders: [] };
  const getUserMedia = vi.fn(async () => {
    if (refuse) throw new DOMException('Permission denied', refuse);
    const track = { stopped: false, stop: () => (track.stopped = true) };
    mic.tracks.push(track);
    return { getTracks: () => [track] };
  });
  Object.defineProperty(navigator, 'mediaDevices', { configurable: true, value: { getUserMedia } });
  class Recorder extends FakeMediaRecorder {
    constructor(stream: MediaStream, options?: MediaRecorderOptions) {
      super(stream, options);
      mic.recorders.push(this);
    }
  }
  vi.stubGlobal('MediaRecorder', Recorder);
  return mic;
}

export function removeFakeMicrophone() {
  Object.defineProperty(navigator, 'mediaDevices', { configurable: true, value: undefined });
  vi.unstubAllGlobals();
}
