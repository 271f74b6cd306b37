/**
 * The toasts of `@/lib/toasts`, in the bottom-right corner. An error is a `role="alert"` (announced
 * as it appears); an info toast is a `role="status"` inside a polite live region that is always in
 * the page (a screen reader only announces changes inside a region it already knows). Nothing here
 * carries a role while no toast is shown, so the page's own alerts stay the only ones. Each toast
 * stays while hovered or focused and has its own Dismiss button; it slides in unless the person
 * asked for reduced motion.
 */
import { useId, useSyncExternalStore } from 'react';
import { cn } from '@/lib/cn';
import { dismissToast, getToasts, holdToast, releaseToast, subscribeToasts, type Toast } from '@/lib/toasts';

export function Toaster({ className }: { className?: string }) {
  const toasts = useSyncExternalStore(subscribeToasts, getToasts, getToasts);
  const errors = toasts.filter((toast) => toast.tone === 'error');
  const infos = toasts.filter((toast) => toast.tone === 'info');
  return (
    <div
      data-toaster=""
      className={cn(
        'pointer-events-none fixed inset-x-4 bottom-4 z-[60] flex flex-col gap-2 sm:left-auto sm:w-96',
        className,
      )}
    >
      <div className="flex flex-col gap-2">
        {errors.map((toast) => (
          <ToastCard key={toast.id} toast={toast} />
        ))}
      </div>
      <div aria-live="polite" className="flex flex-col gap-2">
        {infos.map((toast) => (
          <ToastCard key={toast.id} toast={toast} />
        ))}
      </div>
    </div>
  );
}

function ToastCard({ toast }: { toast: Toast }) {
  const error = toast.tone === 'error';
  const titleId = useId();
  return (
    <div
      role={error ? 'alert' : 'status'}
      data-tone={toast.tone}
      className={cn(
        'pointer-events-auto flex items-start gap-3 rounded-lg border border-l-4 bg-white px-4 py-3 text-sm text-slate-900 shadow-lg motion-safe:animate-toast-in',
        error ? 'border-red-200 border-l-red-600' : 'border-slate-200 border-l-brand-600',
      )}
      onPointerEnter={() => holdToast(toast.id)}
      onPointerLeave={() => releaseToast(toast.id)}
      onFocus={() => holdToast(toast.id)}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) releaseToast(toast.id);
      }}
    >
      <div className="min-w-0 flex-1">
        <p id={titleId} className={cn('font-semibold', error ? 'text-red-700' : 'text-slate-900')}>
          {toast.title}
        </p>
        {toast.detail ? <p className="mt-0.5 break-words text-slate-600">{toast.detail}</p> : null}
      </div>
      <button
        type="button"
        className="-my-1 -mr-2 shrink-0 cursor-pointer rounded-md px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-100"
        aria-describedby={titleId}
        onClick={() => dismissToast(toast.id)}
      >
        Dismiss
      </button>
    </div>
  );
}
