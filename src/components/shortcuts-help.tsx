/**
 * The page's keyboard shortcuts: `useShortcuts` listens for them, `ShortcutsHelp` lists them in a
 * dialog named "Keyboard shortcuts" that `?` (or its button) opens. The dialog is the shared one
 * (focus moves in, is trapped, and returns to where it was on close).
 */
import { useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogTitle } from '@/components/ui/dialog';
import { keyLabel, keyName, matchShortcut, type Shortcut } from '@/lib/shortcuts';

export type { Shortcut } from '@/lib/shortcuts';

/** A modal is open (the try modal, this help): its keys are its own, the page's shortcuts rest. */
function modalOpen(): boolean {
  return document.querySelector('[aria-modal="true"]') !== null;
}

/**
 * Runs a shortcut when its key is pressed anywhere on the page (not while typing, not with
 * Ctrl/Meta/Alt, not while a modal is open). The list may change on every render.
 */
export function useShortcuts(shortcuts: readonly Shortcut[]) {
  const latest = useRef(shortcuts);
  useEffect(() => {
    latest.current = shortcuts;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (modalOpen()) return;
      const shortcut = matchShortcut(event, latest.current);
      if (!shortcut) return;
      event.preventDefault();
      shortcut.run();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}

/**
 * Registers the page's shortcuts plus `?`, and shows them in a dialog. `showButton` puts a small
 * "Keyboard shortcuts" button where it is rendered (the header), for people who do not know `?`.
 */
export function ShortcutsHelp({
  shortcuts,
  showButton = true,
}: {
  shortcuts: readonly Shortcut[];
  showButton?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const help: Shortcut = { key: '?', description: 'Show the keyboard shortcuts', run: () => setOpen(true) };
  const all = [help, ...shortcuts.filter((shortcut) => shortcut.key !== '?')];
  useShortcuts(all);
  return (
    <>
      {showButton ? (
        <Button variant="ghost" size="sm" aria-keyshortcuts="?" onClick={() => setOpen(true)}>
          <span aria-hidden className="rounded border border-slate-300 px-1 font-mono text-xs">
            ?
          </span>
          Keyboard shortcuts
        </Button>
      ) : null}
      <Dialog open={open} onOpenChange={setOpen}>
        <DialogContent>
          <DialogClose />
          <DialogTitle>Keyboard shortcuts</DialogTitle>
          <DialogDescription>Single keys, when you are not typing in a field.</DialogDescription>
          <table className="w-full text-sm">
            <thead className="sr-only">
              <tr>
                <th scope="col">Key</th>
                <th scope="col">Action</th>
              </tr>
            </thead>
            <tbody>
              {all.map((shortcut) => {
                const enabled = shortcut.enabled !== false;
                return (
                  <tr key={shortcut.key} className="border-t border-slate-100 first:border-t-0">
                    <td className="w-24 py-1.5 pr-3">
                      <kbd
                        aria-label={keyName(shortcut.key)}
                        className="inline-block min-w-7 rounded-md border border-slate-300 bg-slate-50 px-1.5 py-0.5 text-center font-mono text-xs text-slate-800 shadow-xs"
                      >
                        {keyLabel(shortcut.key)}
                      </kbd>
                    </td>
                    <td className={enabled ? 'py-1.5 text-slate-800' : 'py-1.5 text-slate-500'}>
                      {shortcut.description}
                      {enabled ? null : <span className="ml-1 text-xs">(not available now)</span>}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </DialogContent>
      </Dialog>
    </>
  );
}
