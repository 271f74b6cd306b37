import type * as React from 'react';
import { cn } from '@/lib/cn';

/** An empty state: what is missing, and (as children) what to do about it. */
export function Empty({
  className,
  title,
  children,
  ...props
}: React.ComponentProps<'div'> & { title: string }) {
  return (
    <div
      className={cn(
        'flex flex-col items-center justify-center gap-2 rounded-lg border border-dashed border-slate-300 px-6 py-10 text-center',
        className,
      )}
      {...props}
    >
      <p className="text-sm font-medium text-slate-800">{title}</p>
      {children ? <div className="text-sm text-slate-500">{children}</div> : null}
    </div>
  );
}
