/** Text answers (OCR, translation, ASR, summaries, generation): readable, copyable, folded when long. */
import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { foldText } from '@/features/results/lib/text-fold';
import type { RendererProps } from '@/features/results/renderers/types';

export function TextRenderer({ data, context }: RendererProps) {
  const text = data.text;
  const [copied, setCopied] = useState(false);
  const [expanded, setExpanded] = useState(false);
  const bodyId = useId();
  if (!text) return null;
  if (text.raw === undefined) {
    return (
      <a className="text-sm text-brand-700 underline" href={text.url} target="_blank" rel="noreferrer">
        {text.url}
      </a>
    );
  }
  const raw = text.raw;
  // Inside a region or frame a few lines are plenty; a node's own text gets about twelve.
  const fold = foldText(raw, { maxLines: context.nested ? 4 : 12 });
  const copy = async () => {
    // Clipboard access can be refused (insecure origin, permissions): then there is nothing to say "copied" about.
    try {
      await navigator.clipboard.writeText(raw);
      setCopied(true);
      window.setTimeout(() => setCopied(false), 1500);
    } catch {
      setCopied(false);
    }
  };
  const shown = fold.folded && !expanded ? `${fold.head}…` : raw;
  return (
    <div className="flex flex-col gap-2">
      <div
        id={bodyId}
        className="rounded-lg border border-slate-200 bg-slate-50 px-4 py-3 text-[15px] leading-relaxed break-words whitespace-pre-wrap text-slate-900"
        data-kind="text"
        data-folded={fold.folded && !expanded ? 'true' : 'false'}
      >
        {raw === '' ? <span className="text-slate-400 italic">(empty text)</span> : shown}
      </div>
      <div className="flex flex-wrap items-center gap-2">
        {fold.folded ? (
          <Button
            variant="ghost"
            size="sm"
            aria-expanded={expanded}
            aria-controls={bodyId}
            onClick={() => setExpanded(!expanded)}
          >
            {expanded ? 'Show less' : 'Show more'}
          </Button>
        ) : null}
        <Button variant="secondary" size="sm" onClick={() => void copy()}>
          {copied ? 'Copied' : 'Copy text'}
        </Button>
        <span className="text-xs text-slate-500">
          {wordCount(raw)}
          {text.text_info?.encoding ? ` · ${text.text_info.encoding}` : ''}
        </span>
      </div>
    </div>
  );
}

function wordCount(text: string): string {
  const words = text.trim() === '' ? 0 : text.trim().split(/\s+/).length;
  return `${words} word${words === 1 ? '' : 's'}`;
}
