/**
 * The workflow-picker's reads. Keys go general → specific and hold every variable the fetcher
 * uses (the owner included), so switching app never shows another app's cache.
 */
import { queryOptions } from '@tanstack/react-query';
import { MultiWorkflowResponse, MultiWorkflowVersionResponse, SingleWorkflowResponse } from '@contract/clarifai';
import { apiRequest } from '@/lib/http';
import { appPath, type UserApp } from '@/lib/user-app';
import { newestFirst } from '@/features/workflow-picker/lib/versions';

export function workflowsQueryOptions(userApp: UserApp) {
  return queryOptions({
    queryKey: ['workflows', userApp],
    queryFn: ({ signal }) => apiRequest(appPath(userApp, 'workflows'), { schema: MultiWorkflowResponse, signal }),
    select: (response) => response.workflows ?? [],
  });
}

export function workflowQueryOptions(userApp: UserApp, workflowId: string) {
  return queryOptions({
    queryKey: ['workflows', userApp, workflowId],
    queryFn: ({ signal }) =>
      apiRequest(appPath(userApp, 'workflows', workflowId), { schema: SingleWorkflowResponse, signal }),
    select: (response) => response.workflow,
  });
}

export function workflowVersionsQueryOptions(userApp: UserApp, workflowId: string) {
  return queryOptions({
    queryKey: ['workflows', userApp, workflowId, 'versions'],
    queryFn: ({ signal }) =>
      apiRequest(appPath(userApp, 'workflows', workflowId, 'versions'), {
        schema: MultiWorkflowVersionResponse,
        signal,
      }),
    select: (response) => newestFirst(response.workflow_versions ?? []),
  });
}
