import { useState } from 'react';
import { Button } from '@/components/ui/button';
import type { RendererProps } from '@/features/results/renderers/types';

export function TextRenderer({ data }: RendererProps) {
  const text = data.text;
  const [copied, setCopied] = useState(false);
  if (!text) return null;
  if (text.raw === undefined) {
    return (
      <a className="text-sm text-brand-700 underline" href={text.url} target="_blank" rel="noreferrer">
        {text.url}
      </a>
    );
  }
  const raw = text.raw;
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
  return (
    <div className="flex flex-col gap-2">
      <div className="rounded-lg border border-slate-200 bg-slate-50 px-4 py-3 text-[15px] leading-relaxed whitespace-pre-wrap text-slate-900" data-kind="text">
        {raw === '' ? <span className="text-slate-400 italic">(empty text)</span> : raw}
      </div>
      <div className="flex items-center gap-2">
        <Button variant="secondary" size="sm" onClick={() => void copy()}>
          {copied ? 'Copied' : 'Copy text'}
        </Button>
        {text.text_info?.encoding ? <span className="text-xs text-slate-500">{text.text_info.encoding}</span> : null}
      </div>
    </div>
  );
}
