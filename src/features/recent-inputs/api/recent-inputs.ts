import { queryOptions, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { listInputs, subscribeInputs } from '@/lib/input-store';

/** The inputs kept in this browser, newest first (the store holds at most 20). */
export const recentInputsQueryOptions = () =>
  queryOptions({
    queryKey: ['recent-inputs'],
    queryFn: listInputs,
    // The store tells us when it changes; nothing else makes the list stale.
    staleTime: Infinity,
    retry: false,
  });

/** Refetches the list whenever the store changes (a run, a removal, another tab). */
export function useRecentInputsLive() {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      subscribeInputs(() => {
        void queryClient.invalidateQueries({ queryKey: recentInputsQueryOptions().queryKey });
      }),
    [queryClient],
  );
}
