import { describe, expect, it } from 'vitest';
import type { FrameLine } from '@contract/lens-stream';
import { createResultsAccumulator } from '@/lib/results-stream';

const ocr = { id: 'ocr-model', model_type_id: 'optical-character-recognizer' };
const spa = { id: 'translate', model_type_id: 'text-to-text' };

function line(index: number, texts: [string, string], inputIndex = 0): FrameLine['frame'] {
  return {
    input_index: inputIndex,
    frame_info: { index, time: index * 1000 + 500 },
    outputs: [
      { id: 'out-ocr', model: ocr, data: { text: { raw: texts[0] } } },
      { id: 'out-spa', model: spa, data: { text: { raw: texts[1] } } },
    ],
  };
}

describe('the answer so far of a streamed prediction', () => {
  it('gathers frame lines into one output per node, frames in order, with the final output ids', () => {
    const answer = createResultsAccumulator();
    answer.add(line(0, ['ONE', 'UNO']));
    answer.add(line(1, ['TWO', 'DOS']));
    const snapshot = answer.snapshot();
    expect(answer.frameCount).toBe(2);
    expect(snapshot.status.code).toBe(10000);
    expect(snapshot.results).toHaveLength(1);
    const outputs = snapshot.results?.[0]?.outputs ?? [];
    expect(outputs.map((output) => [output.id, output.model?.id])).toEqual([
      ['out-ocr', 'ocr-model'],
      ['out-spa', 'translate'],
    ]);
    expect(outputs[1]?.data?.frames).toEqual([
      { frame_info: { index: 0, time: 500 }, data: { text: { raw: 'UNO' } } },
      { frame_info: { index: 1, time: 1500 }, data: { text: { raw: 'DOS' } } },
    ]);
  });

  it('gives each snapshot new lists around the same frames, and leaves earlier snapshots alone', () => {
    const answer = createResultsAccumulator();
    answer.add(line(0, ['A', 'a']));
    const first = answer.snapshot();
    answer.add(line(1, ['B', 'b']));
    const second = answer.snapshot();
    const framesOf = (snapshot: typeof first) => snapshot.results?.[0]?.outputs?.[0]?.data?.frames ?? [];
    expect(framesOf(first)).toHaveLength(1);
    expect(framesOf(second)).toHaveLength(2);
    expect(framesOf(second)).not.toBe(framesOf(first));
    expect(framesOf(second)[0]).toBe(framesOf(first)[0]);
  });

  it('keeps inputs apart by their index, leaving empty results for inputs without frames yet', () => {
    const answer = createResultsAccumulator();
    answer.add(line(0, ['X', 'x'], 1));
    const results = answer.snapshot().results ?? [];
    expect(results).toHaveLength(2);
    expect(results[0]?.outputs).toEqual([]);
    expect(results[1]?.outputs?.[0]?.data?.frames).toHaveLength(1);
  });
});
