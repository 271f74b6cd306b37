import { useState } from 'react';
import type { Input } from '@contract/clarifai';
import type { InputMedia } from '@/lib/media';

/** The input as given: a thumbnail, a player, or its text. */
export function InputPreview({ media, input }: { media: InputMedia | undefined; input: Input | undefined }) {
  const [failed, setFailed] = useState<string | null>(null);
  if (media && failed === media.url) {
    return (
      <p className="text-sm break-all text-slate-500">
        The input could not be loaded here: {media.name ?? media.url}
      </p>
    );
  }
  if (media?.kind === 'image') {
    return (
      <img
        src={media.url}
        alt={media.name ? `Input: ${media.name}` : 'Input'}
        className="max-h-72 w-full rounded-lg object-contain"
        onError={() => setFailed(media.url)}
      />
    );
  }
  if (media?.kind === 'video') {
    return (
      <video src={media.url} controls muted className="max-h-72 w-full rounded-lg" aria-label="Input video" />
    );
  }
  if (media?.kind === 'audio') {
    return <audio src={media.url} controls className="w-full" aria-label="Input audio" />;
  }
  const text = input?.data.text?.raw;
  if (text)
    return (
      <blockquote className="rounded-lg bg-slate-50 p-3 text-sm whitespace-pre-wrap text-slate-800">
        {text}
      </blockquote>
    );
  return <p className="text-sm text-slate-500">The input is not shown: it was sent as bytes.</p>;
}
