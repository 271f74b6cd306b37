/**
 * An accessible modal: role="dialog" with aria-modal, named by its title, focus moved in on open,
 * trapped while open (Tab cycles, the page behind is `inert`), returned to the opener on close,
 * Escape and the backdrop close it. Not the native <dialog>: jsdom lacks `showModal()`, and the
 * tests drive the same component people use.
 */
import { createContext, use, useEffect, useId, useRef, type ReactNode } from 'react';
import type * as React from 'react';
import { createPortal } from 'react-dom';
import { cn } from '@/lib/cn';
import { CloseIcon } from '@/components/ui/icons';

interface DialogContextValue {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  titleId: string;
  descriptionId: string;
}

const DialogContext = createContext<DialogContextValue | null>(null);

function useDialog(part: string): DialogContextValue {
  const context = use(DialogContext);
  if (!context) throw new Error(`<${part}> must sit inside <Dialog>`);
  return context;
}

export function Dialog({
  open,
  onOpenChange,
  children,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  children: ReactNode;
}) {
  const titleId = useId();
  const descriptionId = useId();
  return <DialogContext value={{ open, onOpenChange, titleId, descriptionId }}>{children}</DialogContext>;
}

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([tabindex="-1"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

function focusableIn(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((el) => !el.closest('[inert]'));
}

export function DialogContent({ className, children, ...props }: React.ComponentProps<'div'>) {
  const { open, onOpenChange, titleId, descriptionId } = useDialog('DialogContent');
  const panelRef = useRef<HTMLDivElement>(null);
  // The latest callback, read by the key listener without re-running the open/close effect.
  const onOpenChangeRef = useRef(onOpenChange);
  useEffect(() => {
    onOpenChangeRef.current = onOpenChange;
  });

  // Focus in on open, back to the opener on close; the rest of the page is inert meanwhile.
  // Keys are heard on the document, not the panel: a control that becomes disabled while
  // focused (a Run button while sending) drops focus to <body>, and Escape must still work.
  useEffect(() => {
    if (!open) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const panel = panelRef.current;
    const portalRoot = panel?.closest('[data-dialog-portal]');
    const siblings = Array.from(document.body.children).filter(
      (el): el is HTMLElement => el instanceof HTMLElement && el !== portalRoot && !el.hasAttribute('inert'),
    );
    siblings.forEach((el) => el.setAttribute('inert', ''));
    if (panel) (focusableIn(panel)[0] ?? panel).focus();

    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        onOpenChangeRef.current(false);
        return;
      }
      if (event.key !== 'Tab' || !panel) return;
      const items = focusableIn(panel);
      const first = items[0];
      const last = items[items.length - 1];
      const active = document.activeElement;
      if (!first || !last) {
        event.preventDefault();
        panel.focus();
      } else if (!panel.contains(active)) {
        event.preventDefault();
        (event.shiftKey ? last : first).focus();
      } else if (event.shiftKey && active === first) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && active === last) {
        event.preventDefault();
        first.focus();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      siblings.forEach((el) => el.removeAttribute('inert'));
      opener?.focus();
    };
  }, [open]);

  if (!open) return null;

  return createPortal(
    <div data-dialog-portal="" className="fixed inset-0 z-50 flex items-center justify-center p-4">
      <div
        aria-hidden
        className="absolute inset-0 bg-black/50 backdrop-blur-[1px]"
        onClick={() => onOpenChange(false)}
      />
      <div
        ref={panelRef}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={descriptionId}
        tabIndex={-1}
        className={cn(
          'relative z-10 flex max-h-[90vh] w-full max-w-lg flex-col gap-4 overflow-y-auto rounded-xl bg-white p-6 shadow-xl ring-1 ring-slate-200 outline-none',
          className,
        )}
        {...props}
      >
        {children}
      </div>
    </div>,
    document.body,
  );
}

export function DialogTitle({ className, ...props }: React.ComponentProps<'h2'>) {
  const { titleId } = useDialog('DialogTitle');
  return <h2 id={titleId} className={cn('text-lg font-semibold text-slate-900', className)} {...props} />;
}

export function DialogDescription({ className, ...props }: React.ComponentProps<'p'>) {
  const { descriptionId } = useDialog('DialogDescription');
  return <p id={descriptionId} className={cn('text-sm text-slate-500', className)} {...props} />;
}

/** A close button in the corner, named "Close" for screen readers. */
export function DialogClose({ className, ...props }: React.ComponentProps<'button'>) {
  const { onOpenChange } = useDialog('DialogClose');
  return (
    <button
      type="button"
      aria-label="Close"
      onClick={() => onOpenChange(false)}
      className={cn(
        'absolute top-3 right-3 inline-flex size-8 cursor-pointer items-center justify-center rounded-md text-slate-500 hover:bg-slate-100 hover:text-slate-800',
        className,
      )}
      {...props}
    >
      <CloseIcon />
    </button>
  );
}
