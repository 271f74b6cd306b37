/**
 * The Text tab: a text to run (or one input per line), or, on request, the URL of a text file.
 * One source at a time, so there is never a question of which one runs. The values live in the
 * modal, so switching tabs or a failed run keeps what was typed.
 */
import { useId } from 'react';
import { Button } from '@/components/ui/button';

export interface TextDraft {
  /** Which of the two the Run button sends. */
  source: 'typed' | 'url';
  text: string;
  perLine: boolean;
  url: string;
}

export const EMPTY_TEXT_DRAFT: TextDraft = { source: 'typed', text: '', perLine: false, url: '' };

const FIELD =
  'rounded-md border border-slate-300 px-3 text-sm shadow-xs focus-visible:border-brand-600 focus-visible:outline-2 focus-visible:outline-brand-600/30';

export function TextForm({
  draft,
  onChange,
  onSubmit,
  disabled,
}: {
  draft: TextDraft;
  onChange: (draft: TextDraft) => void;
  onSubmit: (draft: TextDraft) => void;
  disabled: boolean;
}) {
  const ids = { text: useId(), hint: useId(), perLine: useId(), url: useId() };
  const typed = draft.source === 'typed';
  const empty = (typed ? draft.text : draft.url).trim() === '';
  return (
    <form
      noValidate
      className="flex flex-col gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        if (!empty) onSubmit(draft);
      }}
    >
      {typed ? (
        <div className="flex flex-col gap-1">
          <label htmlFor={ids.text} className="text-sm font-medium text-slate-700">
            Text
          </label>
          <textarea
            id={ids.text}
            aria-describedby={ids.hint}
            rows={6}
            placeholder="I love this product: it works like a charm."
            className={`min-h-24 py-2 ${FIELD}`}
            value={draft.text}
            onChange={(event) => onChange({ ...draft, text: event.target.value })}
            onKeyDown={(event) => {
              // Ctrl/⌘+Enter runs, as in most chat and code boxes; Enter alone is a new line.
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                if (!empty && !disabled) onSubmit(draft);
              }
            }}
          />
          <p id={ids.hint} className="text-xs text-slate-500">
            Ctrl+Enter (⌘+Enter) runs it.
          </p>
          <div className="flex items-center gap-2 text-sm text-slate-700">
            <input
              id={ids.perLine}
              type="checkbox"
              checked={draft.perLine}
              onChange={(event) => onChange({ ...draft, perLine: event.target.checked })}
              className="size-4 accent-brand-700"
            />
            <label htmlFor={ids.perLine}>One input per line</label>
            <span className="text-xs text-slate-500">(up to 32 lines)</span>
          </div>
        </div>
      ) : (
        <div className="flex flex-col gap-1">
          <label htmlFor={ids.url} className="text-sm font-medium text-slate-700">
            Text URL
          </label>
          <input
            id={ids.url}
            type="url"
            inputMode="url"
            placeholder="https://example.com/article.txt"
            className={`h-9 min-w-0 ${FIELD}`}
            value={draft.url}
            onChange={(event) => onChange({ ...draft, url: event.target.value })}
          />
        </div>
      )}
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={disabled || empty}>
          Run
        </Button>
        <Button
          variant="link"
          size="sm"
          className="px-0"
          onClick={() => onChange({ ...draft, source: typed ? 'url' : 'typed' })}
        >
          {typed ? 'Give a URL instead' : 'Type a text instead'}
        </Button>
      </div>
    </form>
  );
}
