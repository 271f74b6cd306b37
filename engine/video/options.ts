import { tmpdir } from 'node:os';
import { defaultPoolSize } from '../vision/pool';
import { defaultTools, type VideoTools } from './tools';

export interface VideoOptions {
  /**
   * Frames running through the workflow at once. Twice the vision workers: every worker has a
   * frame to work on and another waiting, while ffmpeg decodes the ones after.
   */
  readonly framesInFlight: number;
  /** Decoded frames held before ffmpeg is paused. */
  readonly maxBufferedFrames: number;
  /** Where uploaded and downloaded videos are written while they are read. */
  readonly tempDir: string;
  readonly tools: VideoTools;
}

export function videoOptions(overrides: Partial<VideoOptions> = {}): VideoOptions {
  return {
    framesInFlight: 2 * defaultPoolSize(),
    maxBufferedFrames: 2,
    tempDir: tmpdir(),
    tools: defaultTools(),
    ...overrides,
  };
}
