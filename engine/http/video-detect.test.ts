import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostWorkflowResultsResponse } from '../../contract/clarifai';
import { flower, manAtTable } from '../vision/testing/fixtures';
import { jsonRequest, startTestEngine, type TestEngine } from '../test/fixtures';
import { photoClip } from '../video/photo-clip';

let t: TestEngine;
let clip: Buffer;

beforeAll(async () => {
  t = await startTestEngine();
  // Seconds 0-1 a flower, seconds 2-3 a man at a table, second 4 the flower again.
  const [plant, person] = await Promise.all([flower(), manAtTable()]);
  clip = await photoClip([
    { photo: plant, seconds: 2 },
    { photo: person, seconds: 2 },
    { photo: plant, seconds: 1 },
  ]);
});

afterAll(() => t.close());

describe('a detector on a clip made from photos', () => {
  it('finds the person on the frames where the person is, and only there', async () => {
    const response = await t.app.request(
      '/v2/users/local/apps/main/workflows/General-Detection/results',
      jsonRequest('POST', { inputs: [{ data: { video: { base64: clip.toString('base64') } } }] }),
    );
    const body = PostWorkflowResultsResponse.parse(await response.json());
    expect(body.status.code).toBe(10000);
    const frames = body.results?.[0]?.outputs?.[0]?.data?.frames ?? [];
    expect(frames.map((f) => Number(f.frame_info?.time))).toEqual([500, 1500, 2500, 3500, 4500]);
    const seesPerson = frames.map((f) =>
      (f.data?.regions ?? []).some((r) => r.data?.concepts?.[0]?.name === 'person'),
    );
    expect(seesPerson).toEqual([false, false, true, true, false]);
  });
});
