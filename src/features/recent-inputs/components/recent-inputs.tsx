/**
 * "Recent inputs": what this browser kept of the inputs run here (the input store), newest first,
 * live as inputs are run or removed. Each can be run again or removed; running is the page's job
 * (`onRun`), this list only offers.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useId } from 'react';
import type * as React from 'react';
import { cn } from '@/lib/cn';
import { deleteInput, MAX_STORED_INPUTS, type StoredInput } from '@/lib/input-store';
import { recentInputsQueryOptions, useRecentInputsLive } from '@/features/recent-inputs/api/recent-inputs';
import { CloseIcon } from '@/components/ui/icons';

/** What a person calls this input: its file name, the start of its text, or its URL. */
export function inputLabel(input: StoredInput): string {
  if (input.name) return input.name;
  if (input.text !== undefined) {
    const text = input.text.replace(/\s+/g, ' ').trim();
    return text.length > 40 ? `${text.slice(0, 39)}…` : text || '(empty text)';
  }
  if (input.url) return input.url.replace(/^https?:\/\//, '');
  return `${input.kind} ${input.id.slice(0, 6)}`;
}

// Object URLs for kept image blobs, one per input, revoked when the input leaves the list.
const thumbnails = new Map<string, { blob: Blob; url: string }>();

function thumbnailUrl(input: StoredInput): string | undefined {
  if (input.kind !== 'image') return undefined;
  if (!input.blob) return input.url;
  if (typeof URL.createObjectURL !== 'function') return undefined;
  const known = thumbnails.get(input.id);
  if (known && known.blob === input.blob) return known.url;
  if (known) URL.revokeObjectURL(known.url);
  const url = URL.createObjectURL(input.blob);
  thumbnails.set(input.id, { blob: input.blob, url });
  return url;
}

function releaseThumbnails(keep: readonly StoredInput[]) {
  const ids = new Set(keep.map((input) => input.id));
  for (const [id, { url }] of thumbnails) {
    if (!ids.has(id)) {
      URL.revokeObjectURL(url);
      thumbnails.delete(id);
    }
  }
}

const KIND_LABEL: Record<StoredInput['kind'], string> = {
  image: 'Image',
  video: 'Video',
  audio: 'Audio',
  text: 'Text',
};

function Thumbnail({ input }: { input: StoredInput }) {
  const src = thumbnailUrl(input);
  if (src) return <img src={src} alt="" className="size-12 shrink-0 rounded-md bg-slate-100 object-cover" />;
  return (
    <span
      aria-hidden
      className="grid size-12 shrink-0 place-items-center rounded-md bg-slate-100 p-1 text-center text-[10px] leading-tight text-slate-600"
    >
      {input.kind === 'text' ? '“…”' : KIND_LABEL[input.kind]}
    </span>
  );
}

export function RecentInputs({
  onRun,
  disabled = false,
  className,
  ...props
}: React.ComponentProps<'section'> & {
  onRun: (input: StoredInput) => void;
  disabled?: boolean;
}) {
  useRecentInputsLive();
  const titleId = useId();
  const inputs = useQuery(recentInputsQueryOptions());
  const remove = useMutation({ mutationFn: deleteInput });
  const list = inputs.data;

  useEffect(() => {
    if (list) releaseThumbnails(list);
  }, [list]);

  let body: React.ReactNode;
  if (list) {
    body =
      list.length === 0 ? (
        <p className="text-sm text-slate-500">Inputs you run appear here, to run again later.</p>
      ) : (
        <ul className="flex flex-col gap-2">
          {list.slice(0, MAX_STORED_INPUTS).map((input) => {
            const label = inputLabel(input);
            return (
              <li
                key={input.id}
                className="flex min-w-0 items-center gap-3 rounded-lg border border-slate-200 bg-white p-2"
              >
                <Thumbnail input={input} />
                <div className="flex min-w-0 flex-1 flex-col">
                  <span className="truncate text-sm text-slate-800" title={input.text ?? input.url ?? label}>
                    {label}
                  </span>
                  <span className="truncate text-xs text-slate-500">
                    {KIND_LABEL[input.kind]}
                    {input.caption ? ` · “${input.caption}”` : ''}
                  </span>
                </div>
                <button
                  type="button"
                  disabled={disabled}
                  aria-label={`Run again: ${label}`}
                  onClick={() => onRun(input)}
                  className="inline-flex h-8 shrink-0 cursor-pointer items-center rounded-md bg-brand-700 px-3 text-xs font-medium text-white hover:bg-brand-800 disabled:cursor-not-allowed disabled:opacity-50"
                >
                  Run again
                </button>
                <button
                  type="button"
                  aria-label={`Remove ${label}`}
                  disabled={remove.isPending && remove.variables === input.id}
                  onClick={() => remove.mutate(input.id)}
                  className="inline-flex size-8 shrink-0 cursor-pointer items-center justify-center rounded-md text-slate-500 hover:bg-slate-100 hover:text-slate-800"
                >
                  <CloseIcon />
                </button>
              </li>
            );
          })}
        </ul>
      );
  } else if (inputs.error) {
    body = (
      <p className="text-sm text-slate-500">
        This browser keeps no recent inputs here. {inputs.error.message}
      </p>
    );
  } else {
    body = <p className="text-sm text-slate-500">Loading recent inputs…</p>;
  }

  return (
    <section aria-labelledby={titleId} className={cn('flex flex-col gap-2', className)} {...props}>
      <h2 id={titleId} className="text-sm font-medium text-slate-700">
        Recent inputs
      </h2>
      {body}
      {remove.error ? (
        <p role="alert" className="text-sm text-red-700">
          {remove.error.message}
        </p>
      ) : null}
    </section>
  );
}
