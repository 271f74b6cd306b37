import type * as React from 'react';
import { cn } from '@/lib/cn';

/** A progress bar; without `value` it is indeterminate (the server is working, no % to show). */
export function Progress({
  className,
  value,
  label,
  ...props
}: React.ComponentProps<'div'> & { value?: number; label: string }) {
  const percent = value === undefined ? undefined : Math.round(Math.min(100, Math.max(0, value)));
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      className={cn('relative h-2 w-full overflow-hidden rounded-full bg-slate-200', className)}
      {...props}
    >
      <div
        className={cn(
          'h-full rounded-full bg-brand-700 transition-[width]',
          percent === undefined && 'animate-indeterminate absolute w-1/3',
        )}
        style={percent === undefined ? undefined : { width: `${percent}%` }}
      />
    </div>
  );
}
