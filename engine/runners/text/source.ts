/**
 * Where a text model finds its text. After another node: that node's `text.raw` (ASR, a summary,
 * OCR's whole page, a generator), else the text of its regions one per line (OCR lines). With no
 * parent: the workflow input's own text, so in a multimodal input (`image` and `text` in one
 * `data`) image nodes read the image and text nodes the text.
 */
import type { Data } from '../../../contract/clarifai';
import type { RunnerItem } from '../types';

export function sourceText(item: RunnerItem): string | undefined {
  if (item.parents.length === 0) return item.input.text;
  for (const parent of item.parents) {
    const text = textOf(parent);
    if (text !== undefined) return text;
  }
  return undefined;
}

export function textOf(data: Data): string | undefined {
  if (data.text?.raw !== undefined) return data.text.raw;
  if (!data.regions) return undefined;
  return data.regions.flatMap((region) => (region.data?.text?.raw ? [region.data.text.raw] : [])).join('\n');
}

/** Why there is no text, in words that say what to send or how to wire the node. */
export function missingText(model: string, item: RunnerItem): string {
  if (item.parents.length > 0) {
    return `${model} reads text, and the node before it gave none: put it after a node that outputs text (OCR, speech recognition, a summary)`;
  }
  const has = ['image', 'video', 'audio'].filter((kind) => item.input.data[kind] !== undefined);
  const sent = has.length > 0 ? `this input has ${has.join(' and ')} but no text` : 'this input has no text';
  return `${model} reads text: ${sent}; send data.text.raw or data.text.url, or put it after a node that outputs text`;
}
