/**
 * How a failed API call reads to a person: what happened, the Clarifai code and details, what to
 * do, and a Retry button when retrying can help.
 */
import type * as React from 'react';
import { ApiError } from '@/lib/http';
import { statusHint } from '@/lib/status-hints';
import { cn } from '@/lib/cn';
import { Button } from '@/components/ui/button';

export function ApiErrorNotice({
  error,
  onRetry,
  title,
  className,
  ...props
}: React.ComponentProps<'div'> & { error: unknown; onRetry?: () => void; title?: string }) {
  const apiError = error instanceof ApiError ? error : undefined;
  const message = apiError?.message ?? (error instanceof Error ? error.message : 'Something went wrong.');
  const code = apiError?.itemStatus?.code ?? apiError?.status?.code;
  const hint = apiError?.kind === 'status' ? statusHint(code) : undefined;
  return (
    <div
      role="alert"
      className={cn('flex flex-col gap-1 rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900', className)}
      {...props}
    >
      {title ? <p className="font-semibold">{title}</p> : null}
      <p className={cn(!title && 'font-semibold')}>{message}</p>
      {apiError?.details ? <p className="break-words text-red-800">{apiError.details}</p> : null}
      {hint ? <p className="text-red-800">{hint}</p> : null}
      {apiError?.kind === 'malformed' ? (
        <p className="text-red-800">Check that the proxy points at a Clarifai-compatible API.</p>
      ) : null}
      {onRetry ? (
        <div className="pt-1">
          <Button variant="secondary" size="sm" onClick={onRetry}>
            Retry
          </Button>
        </div>
      ) : null}
    </div>
  );
}
