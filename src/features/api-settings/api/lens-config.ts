import { queryOptions } from '@tanstack/react-query';
import { LENS_CONFIG_PATH, LensConfig } from '@contract/lens-config';
import { apiRequest } from '@/lib/http';

/** What the proxy forwards to, and the default user/app. Fixed while the server runs. */
export function lensConfigQueryOptions() {
  return queryOptions({
    queryKey: ['lens-config'],
    queryFn: ({ signal }) => apiRequest(LENS_CONFIG_PATH, { schema: LensConfig, signal }),
    staleTime: Infinity,
  });
}
