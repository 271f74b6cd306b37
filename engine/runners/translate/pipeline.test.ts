import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { createWarmPipeline, escapeStream, nullFlushScript, unescapeStream } from './pipeline';

const signal = new AbortController().signal;

describe('apertium stream escaping', () => {
  it('escapes every reserved character and drops NULs, and unescapes back', () => {
    const text = 'a [b] ^c$ d/e @f <g> {h} *i #j +k ~l |m \\n';
    const escaped = escapeStream(`${text}\0`);
    expect(escaped).not.toContain('\0');
    expect(escaped).toBe('a \\[b\\] \\^c\\$ d\\/e \\@f \\<g\\> \\{h\\} \\*i \\#j \\+k \\~l \\|m \\\\n');
    expect(unescapeStream(escaped)).toBe(text);
  });

  it('adds -z after each stage’s program, keeping its arguments', () => {
    expect(nullFlushScript("lt-proc 'a.bin' | apertium-tagger -g $2 'b.prob' | lt-proc $1 'c.bin'\n")).toBe(
      "lt-proc -z 'a.bin' | apertium-tagger -z -g $2 'b.prob' | lt-proc -z $1 'c.bin'",
    );
  });
});

describe('warm apertium pipeline (eng-spa)', () => {
  const pipeline = createWarmPipeline(readFileSync('/usr/share/apertium/modes/eng-spa.mode', 'utf8'), 30_000);
  afterAll(() => pipeline.close());

  it('answers text after text from one running pipeline, lines and markup-like characters kept', async () => {
    expect(await pipeline.translate('The house is red', signal)).toBe('La casa es roja');
    expect(await pipeline.translate('THE HOUSE IS RED\nTHE CAT IS BLACK', signal)).toBe(
      'La CASA ES ROJA\nEL GATO ES NEGRO',
    );
    const forged = await pipeline.translate('The cat [is] <b>black</b> ^$ \\', signal);
    expect(forged).toContain('[');
    expect(forged).toContain('<b>');
    expect(forged).toContain('\\');
    // Several at once are answered in order.
    const all = await Promise.all(['one', 'two', 'three'].map((text) => pipeline.translate(text, signal)));
    expect(all).toEqual(['Uno', 'Dos', 'Tres']);
  });

  it('starts a new pipeline after a cancelled text', async () => {
    const controller = new AbortController();
    const cancelled = pipeline.translate('The house is red', controller.signal);
    controller.abort();
    await expect(cancelled).rejects.toThrow();
    expect(await pipeline.translate('The cat is black', signal)).toBe('El gato es negro');
  });
});
