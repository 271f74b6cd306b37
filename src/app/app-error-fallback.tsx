import { Button } from '@/components/ui/button';

/** The last line of defence: a bug escaped every smaller boundary. */
export function AppErrorFallback({ error, onReset }: { error: unknown; onReset: () => void }) {
  return (
    <main className="mx-auto flex max-w-xl flex-col gap-4 px-6 py-16" role="alert">
      <h1 className="text-xl font-semibold text-slate-900">Workflow Lens hit a bug</h1>
      <p className="text-sm text-slate-600">
        {error instanceof Error ? error.message : 'Something went wrong while drawing the page.'}
      </p>
      <div className="flex gap-2">
        <Button onClick={onReset}>Try again</Button>
        <Button variant="secondary" onClick={() => window.location.reload()}>
          Reload the page
        </Button>
      </div>
    </main>
  );
}
