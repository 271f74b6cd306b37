import { expect } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import type { renderWithClient } from '@/test/render';

/** Opens the "Try your own image or video" modal and waits for its on-demand parts to load. */
export async function openTryDialog(user: ReturnType<typeof renderWithClient>['user']) {
  await user.click(screen.getByRole('button', { name: 'Try your own image or video' }));
  const dialog = screen.getByRole('dialog', { name: 'Try your own image or video' });
  await waitFor(() => expect(dialog.querySelector('[data-loading]')).toBeNull());
  return dialog;
}
