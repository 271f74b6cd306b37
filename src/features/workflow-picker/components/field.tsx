import type * as React from 'react';
import { cn } from '@/lib/cn';

/** A labelled native select: native so it is a real combobox for keyboards, phones and tests. */
export function SelectField({
  label,
  className,
  children,
  ...props
}: React.ComponentProps<'select'> & { label: string }) {
  return (
    <label className="flex max-w-full min-w-0 flex-col gap-1 text-xs font-medium tracking-wide text-slate-500 uppercase">
      {label}
      <select
        className={cn(
          'h-10 w-full min-w-0 rounded-lg sm:w-auto sm:min-w-48 border border-slate-300 bg-white px-3 text-sm font-normal tracking-normal text-slate-900 normal-case shadow-xs focus-visible:border-brand-600 focus-visible:outline-2 focus-visible:outline-brand-600/30 disabled:bg-slate-50',
          className,
        )}
        {...props}
      >
        {children}
      </select>
    </label>
  );
}
