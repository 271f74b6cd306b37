import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { OverviewPage } from '@/app/overview-page';
import { clarifaiJson, mockApi } from '@/test/mock-api';
import { base, ocrTranslateApi } from '@/test/ocr-translate-api';
import { renderWithClient } from '@/test/render';
import { openTryDialog } from '@/test/try-input';

const predictPath = (version: string) => `${base}/workflows/ocr-translate/versions/${version}/results`;

describe('comparing two versions', () => {
  beforeEach(() => {
    window.history.replaceState(null, '', '/?workflow=ocr-translate');
  });

  it('runs both versions on one URL at once and pairs their nodes, marking what changed', async () => {
    const calls = mockApi(ocrTranslateApi);
    const { user } = renderWithClient(<OverviewPage />);
    const compare = await screen.findByRole('button', { name: 'Compare versions' });
    await waitFor(() => expect(compare).toBeEnabled());
    await user.click(compare);
    expect(compare).toHaveAttribute('aria-pressed', 'true');
    // The two newest versions: A the older, B the latest.
    await waitFor(() =>
      expect(screen.getByRole('combobox', { name: 'Version A' })).toHaveValue('older0000001'),
    );
    expect(screen.getByRole('combobox', { name: 'Version B' })).toHaveValue('newer0000001');

    const dialog = await openTryDialog(user);
    await user.type(
      within(dialog).getByRole('textbox', { name: 'Image or video URL' }),
      'https://example.com/sign.png',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Run' }));

    const table = await screen.findByRole('table', { name: 'Node changes' });
    const row = (name: string) => within(table).getByRole('row', { name: new RegExp(`^${name}`) });
    await waitFor(() => expect(row('translate-cat')).toHaveTextContent('Added in B'));
    expect(row('ocr')).toHaveTextContent('Unchanged');
    await waitFor(() => expect(row('translate-spa')).toHaveTextContent('Differs'));
    // One request per version, both for the same input.
    const posts = calls.filter((call) => call.method === 'POST');
    expect(posts.map((call) => call.path).sort()).toEqual([
      predictPath('newer0000001'),
      predictPath('older0000001'),
    ]);
    expect(posts.every((call) => JSON.stringify(call.body).includes('https://example.com/sign.png'))).toBe(
      true,
    );
    // The screen is in the address.
    const params = new URLSearchParams(window.location.search);
    expect(params.get('compare')).toBe('1');
    expect(params.get('input')).toBe('https://example.com/sign.png');
  });

  it('reopens the comparison a link names, input included, without the modal', async () => {
    window.history.replaceState(
      null,
      '',
      '/?workflow=ocr-translate&compare=1&a=older0000001&b=newer0000001&view=overlay&input=https%3A%2F%2Fexample.com%2Fsign.png',
    );
    const calls = mockApi(ocrTranslateApi);
    renderWithClient(<OverviewPage />);
    const table = await screen.findByRole('table', { name: 'Node changes' });
    await waitFor(() =>
      expect(within(table).getByRole('row', { name: /^translate-spa/ })).toHaveTextContent('Differs'),
    );
    expect(screen.getByRole('radio', { name: 'Overlay' })).toBeChecked();
    expect(calls.filter((call) => call.method === 'POST')).toHaveLength(2);
  });

  it('shows a side’s failure with its Clarifai status and retries only that side', async () => {
    let failing = true;
    const calls = mockApi((call) =>
      failing && call.method === 'POST' && call.path === predictPath('newer0000001')
        ? clarifaiJson({ status: { code: 11005, description: 'Too many requests', details: 'busy' } }, 429)
        : ocrTranslateApi(call),
    );
    window.history.replaceState(
      null,
      '',
      '/?workflow=ocr-translate&compare=1&input=https%3A%2F%2Fexample.com%2Fsign.png',
    );
    const { user } = renderWithClient(<OverviewPage />);
    const failure = await screen.findByText('Version B could not run');
    const notice = failure.closest<HTMLElement>('[role="alert"]');
    if (!notice) throw new Error('the failure is not an alert');
    expect(notice).toHaveTextContent('Too many requests');
    failing = false;
    await user.click(within(notice).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(screen.queryByText('Version B could not run')).not.toBeInTheDocument());
    const posts = calls.filter((call) => call.method === 'POST');
    expect(posts.filter((call) => call.path === predictPath('older0000001'))).toHaveLength(1);
    expect(posts.filter((call) => call.path === predictPath('newer0000001'))).toHaveLength(2);
  });

  it('shows the side that answered while the other still runs, without a diff against nothing', async () => {
    let answerB: () => void = () => undefined;
    const slowB = new Promise<void>((resolve) => (answerB = resolve));
    mockApi(async (call) => {
      if (call.method === 'POST' && call.path === predictPath('newer0000001')) await slowB;
      return ocrTranslateApi(call);
    });
    window.history.replaceState(
      null,
      '',
      '/?workflow=ocr-translate&compare=1&input=https%3A%2F%2Fexample.com%2Fsign.png',
    );
    renderWithClient(<OverviewPage />);
    const ocr = await screen.findByRole('region', { name: 'ocr' });
    expect(await within(ocr).findByText('Version B is still running…')).toBeInTheDocument();
    expect(within(ocr).queryByText(/only in A/i)).not.toBeInTheDocument();
    answerB();
    await waitFor(() => expect(within(ocr).queryByText('Version B is still running…')).not.toBeInTheDocument());
  });
});
