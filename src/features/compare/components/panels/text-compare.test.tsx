import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { diffWords } from '@/features/compare/lib/diff-words';
import { changedWordCount, TextCompare } from '@/features/compare/components/panels/text-compare';
import { renderPanel, testSettings } from '@/features/compare/components/panels/test-props';

function renderText(a: string | undefined, b: string | undefined) {
  return renderPanel(
    <TextCompare
      dataA={a === undefined ? undefined : { text: { raw: a } }}
      dataB={b === undefined ? undefined : { text: { raw: b } }}
      media={undefined}
      name="ocr"
      settings={testSettings()}
    />,
  );
}

describe('TextCompare', () => {
  it('strikes out the words B removed and marks the words it added', async () => {
    const { user } = renderText('The quick brown fox jumps', 'The slow brown fox leaps high');
    const diff = screen.getByRole('region', { name: 'Differences from version A to version B' });
    expect(
      within(diff)
        .getAllByRole('deletion')
        .map((node) => node.textContent),
    ).toEqual(['[removed in B: quick]', '[removed in B: jumps]']);
    expect(
      within(diff)
        .getAllByRole('insertion')
        .map((node) => node.textContent),
    ).toEqual(['[added in B: slow]', '[added in B: leaps high]']);
    expect(screen.getByText('3 words changed (2 removed, 3 added).')).toBeInTheDocument();
    const legend = screen.getByRole('list', { name: 'Legend' });
    expect(legend).toHaveTextContent('removed in B');
    expect(legend).toHaveTextContent('added in B');

    await user.click(screen.getByText('Both full texts'));
    expect(screen.getByRole('region', { name: 'Text of version a' })).toHaveTextContent(
      'The quick brown fox jumps',
    );
    expect(screen.getByRole('region', { name: 'Text of version b' })).toHaveTextContent(
      'The slow brown fox leaps high',
    );
  });

  it('says when both versions read the same text', () => {
    renderText('Hola mundo', 'Hola mundo');
    expect(screen.getByText('Same text in both versions.')).toBeInTheDocument();
    expect(screen.queryByRole('deletion')).not.toBeInTheDocument();
    expect(screen.getByText('Hola mundo')).toBeInTheDocument();
  });

  it('says which side has no text', () => {
    renderText('Hola mundo', undefined);
    expect(
      screen.getByText(/2 words changed \(2 removed, 0 added\)\. Version B has no text\./),
    ).toBeInTheDocument();
  });

  it('counts a replaced word once', () => {
    expect(changedWordCount(diffWords('a b c', 'a x c').runs)).toBe(1);
    expect(changedWordCount(diffWords('a b c', 'a x y c').runs)).toBe(2);
  });
});
