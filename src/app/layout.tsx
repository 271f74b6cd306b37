import type { ReactNode } from 'react';

/** The page frame: the app's name on the left of the header, the API corner on the right. */
export function AppLayout({ headerRight, children }: { headerRight?: ReactNode; children: ReactNode }) {
  return (
    <div className="min-h-screen bg-slate-50 text-slate-900">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-3 px-6 py-3">
          <div className="flex items-center gap-2">
            <svg viewBox="0 0 24 24" className="size-7 text-brand-700" aria-hidden fill="none" stroke="currentColor" strokeWidth="2">
              <circle cx="11" cy="11" r="6" />
              <path d="M20 20l-4.5-4.5" strokeLinecap="round" />
              <circle cx="11" cy="11" r="2" fill="currentColor" />
            </svg>
            <h1 className="text-lg font-semibold tracking-tight">Workflow Lens</h1>
          </div>
          {headerRight}
        </div>
      </header>
      <main className="mx-auto flex max-w-7xl flex-col gap-6 px-6 py-6">{children}</main>
    </div>
  );
}
