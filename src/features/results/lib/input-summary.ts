/**
 * One line about an input for the inputs list of a batch: what it is, a thumbnail for an image,
 * its file name or first words, and its status (a model's answer has no input status: the worst
 * of its outputs' stands in).
 */
import { StatusCode, type Input, type Status } from '@contract/clarifai';
import type { InputMedia } from '@/lib/media';
import type { InputResult } from '@/features/results/lib/normalise';
import { firstWords } from '@/features/results/lib/text-fold';

export interface InputSummary {
  kind: InputMedia['kind'] | 'text' | 'unknown';
  /** What the input is called: its file name, its URL's file name, or its first words. */
  label: string;
  /** A small picture, for an image. */
  thumbnail?: string;
  /** The first words of an image's caption (a multimodal input). */
  caption?: string;
}

/** "https://x.com/photos/cat%20one.jpg?s=2" → "cat one.jpg"; the host when the path is bare. */
export function urlName(url: string): string {
  if (url.startsWith('data:')) return '';
  try {
    const parsed = new URL(url);
    const last = parsed.pathname.split('/').filter(Boolean).pop();
    return last ? decodeURIComponent(last) : parsed.host;
  } catch {
    return url.split('/').filter(Boolean).pop() ?? url;
  }
}

const KIND_WORD: Record<InputMedia['kind'], string> = { image: 'Image', video: 'Video', audio: 'Audio' };

export function summarizeInput(
  media: InputMedia | undefined,
  input: Input | undefined,
  givenText?: string,
): InputSummary {
  const text = givenText ?? input?.data.text?.raw;
  const textUrl = input?.data.text?.url;
  if (media) {
    const label = media.name ?? (urlName(media.url) || KIND_WORD[media.kind]);
    return {
      kind: media.kind,
      label,
      ...(media.kind === 'image' ? { thumbnail: media.url } : {}),
      ...(text ? { caption: firstWords(text, { words: 6, chars: 40 }) } : {}),
    };
  }
  if (text !== undefined) return { kind: 'text', label: firstWords(text) || '(empty text)' };
  if (textUrl) return { kind: 'text', label: urlName(textUrl) || textUrl };
  const data = input?.data;
  if (data?.video) return { kind: 'video', label: 'Video' };
  if (data?.audio) return { kind: 'audio', label: 'Audio' };
  if (data?.image) return { kind: 'image', label: 'Image' };
  return { kind: 'unknown', label: input?.id ?? 'Input' };
}

/** The input's own status, or for a model's answer the first failed output's (else Ok). */
export function inputStatus(result: InputResult): Status | undefined {
  if (result.status) return result.status;
  if (result.outputs.length === 0) return undefined;
  return (
    result.outputs.find((output) => output.status && output.status.code !== StatusCode.SUCCESS)?.status ??
    result.outputs[0]?.status
  );
}
