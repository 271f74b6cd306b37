import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ShortcutsHelp } from '@/components/shortcuts-help';
import type { Shortcut } from '@/lib/shortcuts';

function setup(overrides: Partial<Record<string, Partial<Shortcut>>> = {}) {
  const runs = { json: vi.fn(), frame: vi.fn(), compare: vi.fn() };
  const shortcuts: Shortcut[] = [
    { key: 'j', description: 'Show or hide the raw JSON', run: runs.json, ...overrides.j },
    { key: 'ArrowRight', description: 'Next frame', run: runs.frame, ...overrides.ArrowRight },
    { key: 'c', description: 'Compare versions', run: runs.compare, enabled: false, ...overrides.c },
  ];
  render(
    <div>
      <label>
        Notes
        <input />
      </label>
      <ShortcutsHelp shortcuts={shortcuts} />
    </div>,
  );
  return { user: userEvent.setup(), runs };
}

describe('ShortcutsHelp', () => {
  it('opens with ?, lists every shortcut, traps focus and gives it back on close', async () => {
    const { user } = setup();
    const button = screen.getByRole('button', { name: 'Keyboard shortcuts' });
    button.focus();
    await user.keyboard('?');

    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    const rows = within(dialog).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      '?Show the keyboard shortcuts',
      'jShow or hide the raw JSON',
      '→Next frame',
      'cCompare versions(not available now)',
    ]);
    expect(within(dialog).getByLabelText('Right arrow')).toHaveTextContent('→');

    // Focus is inside, and Tab cycles within the dialog.
    const close = within(dialog).getByRole('button', { name: 'Close' });
    expect(close).toHaveFocus();
    await user.tab();
    expect(close).toHaveFocus();
    await user.tab({ shift: true });
    expect(close).toHaveFocus();

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(button).toHaveFocus();
  });

  it('opens from its button', async () => {
    const { user } = setup();
    await user.click(screen.getByRole('button', { name: 'Keyboard shortcuts' }));
    expect(screen.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('runs a shortcut on its key, but not while typing, not disabled, not with a modal open', async () => {
    const { user, runs } = setup();
    await user.keyboard('j');
    expect(runs.json).toHaveBeenCalledTimes(1);
    await user.keyboard('{ArrowRight}');
    expect(runs.frame).toHaveBeenCalledTimes(1);
    await user.keyboard('c');
    expect(runs.compare).not.toHaveBeenCalled();

    await user.type(screen.getByRole('textbox', { name: 'Notes' }), 'j');
    expect(runs.json).toHaveBeenCalledTimes(1);

    await user.click(screen.getByRole('button', { name: 'Keyboard shortcuts' }));
    await user.keyboard('j');
    expect(runs.json).toHaveBeenCalledTimes(1);
  });

  it('follows a list that changes between renders', async () => {
    const user = userEvent.setup();
    const first = vi.fn();
    const second = vi.fn();
    const { rerender } = render(
      <ShortcutsHelp shortcuts={[{ key: 'j', description: 'JSON', run: first }]} />,
    );
    rerender(<ShortcutsHelp shortcuts={[{ key: 'j', description: 'JSON', run: second }]} />);
    await user.keyboard('j');
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
  });
});
