import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { ConceptsCompare, formatDelta } from '@/features/compare/components/panels/concepts-compare';
import { renderPanel, testSettings } from '@/features/compare/components/panels/test-props';

const dataA = {
  concepts: [
    { id: 'train', name: 'train', value: 0.9 },
    { id: 'rail', name: 'railway', value: 0.62 },
    { id: 'sky', name: 'sky', value: 0.4 },
    { id: 'cloud', name: 'cloud', value: 0.2 },
  ],
};
const dataB = {
  concepts: [
    { id: 'train', name: 'train', value: 0.9 },
    { id: 'rail', name: 'railway', value: 0.32 },
    { id: 'sky', name: 'sky', value: 0.7 },
    { id: 'tram', name: 'tram', value: 0.55 },
  ],
};

function renderConcepts(threshold = 0) {
  return renderPanel(
    <ConceptsCompare
      dataA={dataA}
      dataB={dataB}
      media={undefined}
      name="general"
      settings={testSettings()}
    />,
    { threshold },
  );
}

/** The row of a concept, as its cells' texts (what is read out: aria-hidden arrows left out). */
function rowOf(name: string): string[] {
  const table = screen.getByRole('table', { name: 'Concept changes' });
  const header = within(table).getByRole('rowheader', { name: new RegExp(`^${name}`) });
  const row = header.closest('tr');
  if (!row) throw new Error(`no row for ${name}`);
  return within(row)
    .getAllByRole('cell')
    .map((cell) => {
      const copy = cell.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('[aria-hidden]').forEach((node) => node.remove());
      return copy.textContent ?? '';
    });
}

describe('ConceptsCompare', () => {
  it('lists each concept’s rank and value on both sides, the change and threshold crossings', () => {
    renderConcepts();
    // Ranks: A train, railway, sky, cloud; B train, sky, tram, railway. Threshold 0 → 0.5.
    expect(rowOf('railway')).toEqual(['2', '62.0%', '4', '32.0%', '−0.30', 'crossed down']);
    expect(rowOf('sky')).toEqual(['3', '40.0%', '2', '70.0%', '+0.30', 'crossed up']);
    expect(rowOf('train')).toEqual(['1', '90.0%', '1', '90.0%', '0.00', '']);
    expect(rowOf('tram')).toEqual(['—', 'not reported', '3', '55.0%', '', 'crossed up']);
    expect(screen.getByRole('rowheader', { name: /tram/ })).toHaveTextContent('only in B');
    expect(screen.getByRole('rowheader', { name: /cloud/ })).toHaveTextContent('only in A');
    expect(
      screen.getByText(/4 of 5 concepts changed; 3 crossed the threshold \(50\.0%\)/),
    ).toBeInTheDocument();
  });

  it('crosses at the results’ threshold when one is set', () => {
    renderConcepts(0.3);
    // At 0.3 railway (0.62 → 0.32) stays shown, sky (0.4 → 0.7) was shown already.
    expect(rowOf('railway')[5]).toBe('');
    expect(rowOf('sky')[5]).toBe('');
    expect(rowOf('tram')[5]).toBe('crossed up');
  });

  it('can show only the concepts that changed', async () => {
    const { user } = renderConcepts();
    expect(screen.getAllByRole('rowheader')).toHaveLength(5);
    await user.click(screen.getByRole('checkbox', { name: 'Show only changed concepts' }));
    const names = screen.getAllByRole('rowheader').map((header) => header.textContent);
    expect(names).toEqual(['sky', 'railway', 'tramonly in B', 'cloudonly in A']);
  });

  it('pairs concepts by name when the two versions share no concept id', () => {
    renderPanel(
      <ConceptsCompare
        dataA={{ concepts: [{ id: 'n02123045', name: 'cat', value: 0.8 }] }}
        dataB={{ concepts: [{ id: 'ai_cat', name: 'cat', value: 0.6 }] }}
        media={undefined}
        name="general"
        settings={testSettings()}
      />,
    );
    expect(rowOf('cat')).toEqual(['1', '80.0%', '1', '60.0%', '−0.20', '']);
    expect(screen.getByText(/Paired by name/)).toBeInTheDocument();
  });

  it('formats changes with a sign', () => {
    expect(formatDelta(0.123)).toBe('+0.12');
    expect(formatDelta(-0.3)).toBe('−0.30');
    expect(formatDelta(null)).toBe('');
  });
});
