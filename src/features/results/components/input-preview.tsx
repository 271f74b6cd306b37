import { useId, useState } from 'react';
import type { Input } from '@contract/clarifai';
import type { InputMedia } from '@/lib/media';
import { Button } from '@/components/ui/button';
import { foldText } from '@/features/results/lib/text-fold';

/**
 * The input as given: a thumbnail, a player, or its first lines of text; an image sent with a
 * caption (a multimodal input) shows both.
 */
export function InputPreview({
  media,
  input,
  text: givenText,
}: {
  media: InputMedia | undefined;
  input: Input | undefined;
  /** The words the person gave, when the answer does not echo them. */
  text?: string;
}) {
  const [failed, setFailed] = useState<string | null>(null);
  const text = input?.data.text?.raw ?? givenText;
  const textUrl = input?.data.text?.url;
  if (media && failed === media.url) {
    return (
      <p className="text-sm break-all text-slate-500">
        The input could not be loaded here: {media.name ?? media.url}
      </p>
    );
  }
  const caption = text ? <InputText text={text} label="Caption" /> : null;
  if (media?.kind === 'image') {
    return (
      <div className="flex flex-col gap-2">
        <img
          src={media.url}
          alt={media.name ? `Input: ${media.name}` : 'Input'}
          className="max-h-72 w-full rounded-lg object-contain"
          onError={() => setFailed(media.url)}
        />
        {caption}
      </div>
    );
  }
  if (media?.kind === 'video') {
    return (
      <video src={media.url} controls muted className="max-h-72 w-full rounded-lg" aria-label="Input video" />
    );
  }
  if (media?.kind === 'audio') {
    return (
      <div className="flex flex-col gap-1">
        <audio src={media.url} controls className="w-full" aria-label="Input audio" />
        {media.name ? <p className="truncate text-xs text-slate-500">{media.name}</p> : null}
      </div>
    );
  }
  if (text !== undefined) return <InputText text={text} />;
  if (textUrl) {
    return (
      <a
        className="text-sm break-all text-brand-700 underline"
        href={textUrl}
        target="_blank"
        rel="noreferrer"
      >
        {textUrl}
      </a>
    );
  }
  return <p className="text-sm text-slate-500">The input is not shown: it was sent as bytes.</p>;
}

/** The first lines of a text input (or caption), the rest one click away. */
function InputText({ text, label }: { text: string; label?: string }) {
  const [expanded, setExpanded] = useState(false);
  const id = useId();
  const fold = foldText(text, { maxLines: 8, lineChars: 40 });
  return (
    <div className="flex flex-col items-start gap-1">
      {label ? <p className="text-xs font-medium text-slate-500">{label}</p> : null}
      <blockquote
        id={id}
        className="w-full rounded-lg bg-slate-50 p-3 text-sm break-words whitespace-pre-wrap text-slate-800"
      >
        {text === '' ? (
          <span className="text-slate-400 italic">(empty text)</span>
        ) : fold.folded && !expanded ? (
          `${fold.head}…`
        ) : (
          text
        )}
      </blockquote>
      {fold.folded ? (
        <Button
          variant="ghost"
          size="sm"
          aria-expanded={expanded}
          aria-controls={id}
          onClick={() => setExpanded(!expanded)}
        >
          {expanded ? 'Show less' : 'Show more'}
        </Button>
      ) : null}
    </div>
  );
}
