import type { ReactNode } from 'react';
import { ThemeSwitch } from '@/components/theme-switch';
import { Toaster } from '@/components/ui/toaster';

/**
 * The page frame: the app's name on the left of the header, the API corner and the theme switch on
 * the right (wrapping under the name on a phone). The column widens on large screens so a 4K
 * display does not show the results in a narrow strip. Toasts (background failures only) sit in the
 * bottom-right corner.
 */
export function AppLayout({ headerRight, children }: { headerRight?: ReactNode; children: ReactNode }) {
  const column = 'mx-auto w-full max-w-7xl px-4 sm:px-6 2xl:max-w-[min(94vw,160rem)]';
  return (
    <div className="min-h-screen bg-slate-50 text-slate-900">
      <header className="border-b border-slate-200 bg-white">
        <div className={`${column} flex flex-wrap items-center justify-between gap-x-4 gap-y-2 py-3`}>
          <div className="flex items-center gap-2">
            <svg
              viewBox="0 0 24 24"
              className="size-7 text-brand-700"
              aria-hidden
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
            >
              <circle cx="11" cy="11" r="6" />
              <path d="M20 20l-4.5-4.5" strokeLinecap="round" />
              <circle cx="11" cy="11" r="2" fill="currentColor" />
            </svg>
            <h1 className="text-lg font-semibold tracking-tight">Workflow Lens</h1>
          </div>
          <div className="flex min-w-0 flex-wrap items-center gap-x-4 gap-y-2">
            {headerRight}
            <ThemeSwitch />
          </div>
        </div>
      </header>
      <main className={`${column} flex min-w-0 flex-col gap-6 py-6`}>{children}</main>
      <Toaster />
    </div>
  );
}
