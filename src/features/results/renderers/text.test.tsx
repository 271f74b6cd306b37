import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { DataView } from '@/features/results/renderers/data-view';
import { renderWithClient } from '@/test/render';

describe('text outputs', () => {
  it('folds a long text after about twelve lines, with Show more and Show less', async () => {
    const lines = Array.from({ length: 40 }, (_, i) => `Sentence number ${i + 1}.`);
    const { user } = renderWithClient(
      <DataView data={{ text: { raw: lines.join('\n') } }} media={undefined} />,
    );
    const body = document.querySelector('[data-kind="text"]')!;
    expect(body).toHaveTextContent('Sentence number 12.');
    expect(body).not.toHaveTextContent('Sentence number 13.');
    expect(body).toHaveAttribute('data-folded', 'true');

    const more = screen.getByRole('button', { name: 'Show more' });
    expect(more).toHaveAttribute('aria-expanded', 'false');
    expect(more).toHaveAttribute('aria-controls', body.id);
    await user.click(more);
    expect(body).toHaveTextContent('Sentence number 40.');
    const less = screen.getByRole('button', { name: 'Show less' });
    expect(less).toHaveAttribute('aria-expanded', 'true');
    await user.click(less);
    expect(body).not.toHaveTextContent('Sentence number 40.');
    expect(screen.getByRole('button', { name: 'Copy text' })).toBeInTheDocument();
  });

  it('shows a short text whole, with no fold button', () => {
    renderWithClient(<DataView data={{ text: { raw: 'Short and sweet.' } }} media={undefined} />);
    expect(screen.getByText('Short and sweet.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Show more' })).not.toBeInTheDocument();
    expect(screen.getByText('3 words')).toBeInTheDocument();
  });

  it('copies the whole text, folded or not', async () => {
    const long = Array.from({ length: 30 }, (_, i) => `Line ${i}`).join('\n');
    const { user } = renderWithClient(<DataView data={{ text: { raw: long } }} media={undefined} />);
    await user.click(screen.getByRole('button', { name: 'Copy text' }));
    expect(await navigator.clipboard.readText()).toBe(long);
    expect(within(document.body).getByRole('button', { name: 'Copied' })).toBeInTheDocument();
  });
});
