import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '@/lib/http';

/**
 * Retries only help when the network blinked: a Clarifai status or a malformed answer will say
 * the same thing again, so those show at once.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failureCount, error) => error instanceof ApiError && error.kind === 'unreachable' && failureCount < 1,
        staleTime: 30_000,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}
