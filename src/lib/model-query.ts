/**
 * One model's description (`GET .../models/{id}`), shared by the node chain and the results
 * headers: both need `model_type_id` when a workflow node leaves it out.
 */
import { queryOptions } from '@tanstack/react-query';
import { SingleModelResponse } from '@contract/clarifai';
import { apiRequest } from '@/lib/http';
import { appPath, type UserApp } from '@/lib/user-app';

export function modelQueryOptions(owner: UserApp, modelId: string) {
  return queryOptions({
    queryKey: ['models', owner, modelId],
    queryFn: ({ signal }) =>
      apiRequest(appPath(owner, 'models', modelId), { schema: SingleModelResponse, signal }),
    select: (response) => response.model,
    // A model's type does not change while the page is open.
    staleTime: Infinity,
  });
}
