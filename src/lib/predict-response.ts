import { z } from 'zod';
import { Output, PostWorkflowResultsResponse } from '@contract/clarifai';

/**
 * Either predict answer: a workflow's (`results[]`) or a model's (`outputs[]` with no results),
 * so one pane can show both.
 */
export const PredictResponse = PostWorkflowResultsResponse.extend({
  outputs: z.array(Output).optional(),
});
export type PredictResponse = z.infer<typeof PredictResponse>;
