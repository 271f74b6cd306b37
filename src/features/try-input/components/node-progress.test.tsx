import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { TryInput } from '@/features/try-input/components/try-input';
import { mockApi, OK } from '@/test/mock-api';
import { ndjsonStream } from '@/test/ndjson';
import { renderWithClient } from '@/test/render';
import { openTryDialog } from '@/test/try-input';

const target = {
  userApp: { userId: 'me', appId: 'main' },
  workflowId: 'ocr-translate',
  versionId: undefined,
};

describe('an image run in the modal', () => {
  it('shows each node as the engine finishes it', async () => {
    const stream = ndjsonStream();
    mockApi(() => stream.response);
    const onPredicted = vi.fn();
    const { user } = renderWithClient(<TryInput target={target} onPredicted={onPredicted} />);
    const dialog = await openTryDialog(user);
    await user.type(
      within(dialog).getByRole('textbox', { name: 'Image or video URL' }),
      'https://example.com/a.png',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Run' }));

    stream.send({ progress: { stage: 'inputs', done: 0, total: 1 } });
    stream.send({ progress: { stage: 'nodes', done: 1, total: 3, node: 'ocr' } });
    const bar = await within(dialog).findByRole('progressbar', { name: 'Running nodes' });
    await waitFor(() => expect(bar).toHaveAttribute('aria-valuenow', '33'));
    expect(
      within(dialog).getByText('Running the workflow… 1 of 3 nodes done (ocr just finished)'),
    ).toBeInTheDocument();
    stream.send({ progress: { stage: 'nodes', done: 2, total: 3, node: 'translate-spa' } });
    await waitFor(() =>
      expect(within(dialog).getByText(/2 of 3 nodes done \(translate-spa/)).toBeInTheDocument(),
    );

    stream.send({
      response: { status: OK, results: [{ status: OK, input: { id: 'i', data: {} }, outputs: [] }] },
    });
    stream.end();
    await waitFor(() => expect(onPredicted).toHaveBeenCalledTimes(1));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});
