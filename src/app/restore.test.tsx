import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { OverviewPage } from '@/app/overview-page';
import { mockApi } from '@/test/mock-api';
import { ocrTranslateApi } from '@/test/ocr-translate-api';
import { renderWithClient } from '@/test/render';

describe('a link that names the input of a run', () => {
  beforeEach(() => window.history.replaceState(null, '', '/'));

  it('runs it again on the version it names, without anyone pressing Run', async () => {
    window.history.replaceState(
      null,
      '',
      '/?workflow=ocr-translate&version=older0000001&input=https%3A%2F%2Fexample.com%2Fsign.png&threshold=0.4',
    );
    const calls = mockApi(ocrTranslateApi);
    renderWithClient(<OverviewPage />);
    const spanish = await screen.findByRole('region', { name: 'translate-spa' });
    expect(spanish).toHaveTextContent('LA CASA ES ROJA');
    expect(calls.filter((call) => call.method === 'POST').map((call) => call.path)).toEqual([
      '/v2/users/local/apps/main/workflows/ocr-translate/versions/older0000001/results',
    ]);
    expect(new URLSearchParams(window.location.search).get('threshold')).toBe('0.4');
  });

  it('says in a toast when the input it names is no longer kept in this browser', async () => {
    window.history.replaceState(null, '', '/?workflow=ocr-translate&input=stored%3Amissing0000000');
    const calls = mockApi(ocrTranslateApi);
    renderWithClient(<OverviewPage />);
    const toast = await screen.findByRole('alert');
    expect(within(toast).getByText('Could not bring back the input in this link')).toBeInTheDocument();
    expect(toast).toHaveTextContent('keeps the last 20');
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Version' })).toBeEnabled());
    expect(calls.some((call) => call.method === 'POST')).toBe(false);
  });
});
