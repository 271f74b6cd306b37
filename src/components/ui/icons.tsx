import type * as React from 'react';
import { cn } from '@/lib/cn';

/** A line icon in the current text colour, hidden from assistive technology (its button is named). */
function LineIcon({ className, strokeWidth = 2, ...props }: React.ComponentProps<'svg'>) {
  return (
    <svg
      viewBox="0 0 24 24"
      className={cn('size-4', className)}
      aria-hidden
      fill="none"
      stroke="currentColor"
      strokeWidth={strokeWidth}
      {...props}
    />
  );
}

/** ×: close, remove, dismiss. */
export function CloseIcon(props: React.ComponentProps<'svg'>) {
  return (
    <LineIcon {...props}>
      <path d="M6 6l12 12M18 6L6 18" strokeLinecap="round" />
    </LineIcon>
  );
}

/** +: add, try an input. */
export function PlusIcon(props: React.ComponentProps<'svg'>) {
  return (
    <LineIcon strokeWidth={2.5} {...props}>
      <path d="M12 5v14M5 12h14" strokeLinecap="round" />
    </LineIcon>
  );
}
