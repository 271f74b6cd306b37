import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import type { Data } from '@contract/clarifai';
import { ClustersCompare, EmbeddingsCompare } from '@/features/compare/components/panels/vectors-compare';
import { renderPanel, testSettings } from '@/features/compare/components/panels/test-props';

const props = (dataA: Data | undefined, dataB: Data | undefined) => ({
  dataA,
  dataB,
  media: undefined,
  name: 'embed',
  settings: testSettings(),
});

describe('EmbeddingsCompare', () => {
  it('gives the cosine similarity of same-size vectors, with their size', () => {
    renderPanel(
      <EmbeddingsCompare
        {...props({ embeddings: [{ vector: [1, 0, 0] }] }, { embeddings: [{ vector: [1, 1, 0] }] })}
      />,
    );
    expect(screen.getByRole('listitem')).toHaveTextContent(
      'Embedding: cosine similarity 0.707 (3 dimensions)',
    );
    expect(screen.getByRole('meter', { name: 'Cosine similarity' })).toHaveAttribute(
      'aria-valuetext',
      '0.707',
    );
  });

  it('says when sizes differ or a side has none', () => {
    renderPanel(
      <EmbeddingsCompare
        {...props(
          { embeddings: [{ vector: [1, 0] }, { vector: [0, 1] }] },
          { embeddings: [{ vector: [1, 0, 0] }] },
        )}
      />,
    );
    const items = screen.getAllByRole('listitem').map((item) => item.textContent);
    expect(items).toEqual([
      'Embedding 1: different sizes: 2 dimensions in A, 3 dimensions in B, so not comparable',
      'Embedding 2: only in version A (2 dimensions)',
    ]);
    expect(screen.queryByRole('meter')).not.toBeInTheDocument();
  });
});

describe('ClustersCompare', () => {
  it('says when the input moved to another cluster', () => {
    renderPanel(<ClustersCompare {...props({ clusters: [{ id: 'c1' }] }, { clusters: [{ id: 'c7' }] })} />);
    expect(screen.getByText('Cluster changed: c1 in A, c7 in B.')).toBeInTheDocument();
  });

  it('says when it stayed', () => {
    renderPanel(<ClustersCompare {...props({ clusters: [{ id: 'c1' }] }, { clusters: [{ id: 'c1' }] })} />);
    expect(screen.getByText('Same cluster in both versions: c1.')).toBeInTheDocument();
  });
});
