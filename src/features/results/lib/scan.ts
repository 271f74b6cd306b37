/** What an answer holds anywhere (outputs, regions, frames), to offer only the view controls that apply. */
import type { Data } from '@contract/clarifai';
import type { PredictResponse } from '@/lib/predict-response';

export interface Holds {
  /** Concepts to filter by name. */
  concepts: boolean;
  /** Anything with a score a threshold can hide (concepts, scored regions). */
  scores: boolean;
  masks: boolean;
}

export function whatItHolds(response: PredictResponse): Holds {
  const holds: Holds = { concepts: false, scores: false, masks: false };
  const visit = (data: Data | undefined, depth: number) => {
    // Data nests (frames → regions → data); a hostile answer could nest without end.
    if (!data || depth > 8) return;
    if (data.concepts?.length) holds.concepts = holds.scores = true;
    for (const region of data.regions ?? []) {
      if (region.value !== undefined) holds.scores = true;
      if (region.region_info?.mask?.image) holds.masks = true;
      visit(region.data, depth + 1);
    }
    for (const frame of data.frames ?? []) visit(frame.data, depth + 1);
  };
  for (const result of response.results ?? [])
    for (const output of result.outputs ?? []) visit(output.data, 0);
  for (const output of response.outputs ?? []) visit(output.data, 0);
  return holds;
}
