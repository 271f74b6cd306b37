import 'fake-indexeddb/auto';
import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { renderWithClient } from '@/test/render';
import { deleteInput, listInputs, putInput } from '@/lib/input-store';
import { RecentInputs } from '@/features/recent-inputs/components/recent-inputs';

beforeEach(async () => {
  for (const input of await listInputs()) await deleteInput(input.id);
});

function recent() {
  return screen.getByRole('region', { name: 'Recent inputs' });
}

describe('RecentInputs', () => {
  it('says what will appear when nothing was run yet', async () => {
    renderWithClient(<RecentInputs onRun={vi.fn()} />);
    expect(await within(recent()).findByText(/Inputs you run appear here/)).toBeVisible();
  });

  it('lists kept inputs newest first, live, and hands one back to run again', async () => {
    await putInput({ kind: 'text', text: 'I love how fast this workflow runs' });
    const onRun = vi.fn();
    const { user } = renderWithClient(<RecentInputs onRun={onRun} />);
    await within(recent()).findByRole('button', { name: 'Run again: I love how fast this workflow runs' });

    // Run elsewhere on the page while the list is on screen: it appears at the top.
    await putInput({ kind: 'image', url: 'https://example.com/sign.png', caption: 'a shop sign' });
    const runButtons = await waitFor(() => {
      const buttons = within(recent()).getAllByRole('button', { name: /^Run again/ });
      expect(buttons).toHaveLength(2);
      return buttons;
    });
    expect(runButtons.map((b) => b.getAttribute('aria-label'))).toEqual([
      'Run again: example.com/sign.png',
      'Run again: I love how fast this workflow runs',
    ]);
    expect(within(recent()).getByText('Image · “a shop sign”')).toBeVisible();

    await user.click(runButtons[1]!);
    expect(onRun).toHaveBeenCalledWith(
      expect.objectContaining({ kind: 'text', text: 'I love how fast this workflow runs' }),
    );
  });

  it('shortens a long text to a snippet', async () => {
    await putInput({ kind: 'text', text: 'word '.repeat(30) });
    renderWithClient(<RecentInputs onRun={vi.fn()} />);
    expect(
      await within(recent()).findByRole('button', { name: /^Run again: (word ){7}word…$/ }),
    ).toBeVisible();
  });

  it('removes an input from the list and from the store', async () => {
    const kept = await putInput({ kind: 'text', text: 'remove me' });
    await putInput({ kind: 'text', text: 'keep me' });
    const { user } = renderWithClient(<RecentInputs onRun={vi.fn()} />);
    await user.click(await within(recent()).findByRole('button', { name: 'Remove remove me' }));
    await waitFor(() => expect(within(recent()).queryByText('remove me')).not.toBeInTheDocument());
    expect(within(recent()).getByText('keep me')).toBeVisible();
    expect((await listInputs()).map((input) => input.id)).not.toContain(kept.id);
  });

  it('disables running while the page is busy', async () => {
    await putInput({ kind: 'text', text: 'busy' });
    renderWithClient(<RecentInputs onRun={vi.fn()} disabled />);
    expect(await within(recent()).findByRole('button', { name: 'Run again: busy' })).toBeDisabled();
  });

  it('says so when the browser keeps nothing', async () => {
    vi.spyOn(IDBIndex.prototype, 'openCursor').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    renderWithClient(<RecentInputs onRun={vi.fn()} />);
    expect(await within(recent()).findByText(/This browser keeps no recent inputs here/)).toHaveTextContent(
      'does not allow storage here',
    );
  });
});
