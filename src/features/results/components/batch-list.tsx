/**
 * A batch's inputs as a list to pick from: each with a thumbnail (images), its name or first
 * words, and its status; the picked one's results show below. Picking is per set of inputs (by
 * their keys, the input ids): a new run starts again at its first input, while a partial answer
 * growing into the full one keeps the pick.
 */
import { useState, type ReactNode } from 'react';
import { describeStatus, StatusCode, type Status } from '@contract/clarifai';
import { cn } from '@/lib/cn';
import type { InputSummary } from '@/features/results/lib/input-summary';
import { Badge } from '@/components/ui/badge';
import { statusTone } from '@/features/results/components/status-badge';

export interface BatchItem {
  key: string;
  summary: InputSummary;
  status: Status | undefined;
}

export function BatchResults({
  items,
  children,
}: {
  items: readonly BatchItem[];
  /** The results of the picked input. */
  children: (index: number) => ReactNode;
}) {
  const inputs = items.map((item) => item.key).join('\n');
  const [picked, setPicked] = useState({ inputs, index: 0 });
  const index = picked.inputs === inputs ? Math.min(picked.index, items.length - 1) : 0;
  return (
    <div className="flex flex-col gap-4">
      <BatchList items={items} selected={index} onSelect={(next) => setPicked({ inputs, index: next })} />
      {children(index)}
    </div>
  );
}

export function BatchList({
  items,
  selected,
  onSelect,
}: {
  items: readonly BatchItem[];
  selected: number;
  onSelect: (index: number) => void;
}) {
  return (
    <div className="flex flex-col gap-2">
      <p className="text-sm text-slate-600">
        {items.length} inputs in this request: pick one to see what each model made of it.
      </p>
      <ul
        aria-label="Inputs"
        className="grid max-h-72 grid-cols-[repeat(auto-fill,minmax(13rem,1fr))] gap-2 overflow-y-auto p-0.5"
      >
        {items.map((item, index) => (
          <li key={item.key}>
            <button
              type="button"
              aria-current={index === selected ? 'true' : undefined}
              aria-label={itemName(item, index)}
              onClick={() => onSelect(index)}
              className={cn(
                'flex w-full cursor-pointer items-center gap-2 rounded-lg border bg-white p-1.5 text-left transition-colors focus-visible:outline-2 focus-visible:outline-brand-600',
                index === selected
                  ? 'border-brand-600 ring-1 ring-brand-600'
                  : 'border-slate-200 hover:border-slate-300 hover:bg-slate-50',
              )}
            >
              <Thumbnail summary={item.summary} />{' '}
              {/* In the order the name says it (WCAG 2.5.3, label in name); the grid puts the status
                  top right. The spaces keep the words apart for a speech-input user too. */}
              <span className="grid min-w-0 flex-1 grid-cols-[auto_minmax(0,1fr)] items-center gap-x-2 gap-y-0.5">
                <span className="col-start-1 row-start-1 text-[11px] font-medium text-slate-500">
                  Input {index + 1}
                </span>{' '}
                <span className="col-span-2 truncate text-xs text-slate-800" title={item.summary.label}>
                  {item.summary.label}
                </span>{' '}
                {item.summary.caption ? (
                  <>
                    <span className="col-span-2 truncate text-[11px] text-slate-500 italic">
                      “{item.summary.caption}”
                    </span>{' '}
                  </>
                ) : null}
                {item.status ? (
                  <span className="col-start-2 row-start-1 flex min-w-0 justify-end">
                    <ListStatus status={item.status} />
                  </span>
                ) : null}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** "Input 2: sign.png, Input could not be decoded (30300)": the parts the eye reads, in words. */
export function itemName(item: BatchItem, index: number): string {
  const parts = [`Input ${index + 1}: ${item.summary.label}`];
  if (item.summary.caption) parts.push(`“${item.summary.caption}”`);
  const status = item.status;
  if (status) {
    const description = status.description || describeStatus(status.code);
    parts.push(status.code === StatusCode.SUCCESS ? description : `${description} (${status.code})`);
  }
  return parts.join(', ');
}

/** The status badge, narrowed to the item's width: a long description ends in an ellipsis. */
function ListStatus({ status }: { status: Status }) {
  const description = status.description || describeStatus(status.code);
  return (
    <Badge
      tone={statusTone(status.code)}
      title={`${description} (status ${status.code})`}
      className="min-w-0"
    >
      <span className="truncate">{description}</span>
      {status.code !== StatusCode.SUCCESS ? (
        <span className="shrink-0 opacity-75">· {status.code}</span>
      ) : null}
    </Badge>
  );
}

const KIND_GLYPH: Record<InputSummary['kind'], string> = {
  image: 'IMG',
  video: 'VID',
  audio: '♪',
  text: 'Aa',
  unknown: '?',
};

function Thumbnail({ summary }: { summary: InputSummary }) {
  const [broken, setBroken] = useState(false);
  if (summary.thumbnail && !broken) {
    return (
      <img
        src={summary.thumbnail}
        alt=""
        loading="lazy"
        onError={() => setBroken(true)}
        className="size-10 shrink-0 rounded-md bg-slate-100 object-cover"
      />
    );
  }
  // Drawn as generated content, not text: the button's visible text is then only what its name says.
  return (
    <span
      aria-hidden
      data-glyph={KIND_GLYPH[summary.kind]}
      className="flex size-10 shrink-0 items-center justify-center rounded-md bg-slate-100 text-xs font-semibold text-slate-600 before:content-[attr(data-glyph)]"
    />
  );
}
