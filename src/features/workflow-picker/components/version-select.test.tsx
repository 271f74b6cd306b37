import { describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import { VersionSelect } from '@/features/workflow-picker/components/version-select';
import { clarifaiJson, mockApi, OK } from '@/test/mock-api';
import { renderWithClient } from '@/test/render';

const userApp = { userId: 'me', appId: 'main' };

describe('VersionSelect', () => {
  it('lists the versions newest first, each with its short id and date, the newest marked latest', async () => {
    const calls = mockApi(() =>
      clarifaiJson({
        status: OK,
        // Deliberately out of order: the picker must not trust the server's order blindly.
        workflow_versions: [
          { id: 'aaaaaaaa1111', created_at: '2024-03-01T10:00:00Z' },
          { id: 'cccccccc3333', created_at: '2025-06-02T09:30:00Z' },
          { id: 'bbbbbbbb2222', created_at: '2024-11-20T00:00:00Z' },
        ],
      }),
    );
    const onChange = vi.fn();
    const { user } = renderWithClient(<VersionSelect userApp={userApp} workflowId="ocr-translate" value="cccccccc3333" onChange={onChange} />);

    const picker = await screen.findByRole('combobox', { name: 'Version' });
    const options = within(picker).getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual([
      'cccccccc · Jun 2, 2025, 09:30 UTC · latest',
      'bbbbbbbb · Nov 20, 2024, 00:00 UTC',
      'aaaaaaaa · Mar 1, 2024, 10:00 UTC',
    ]);
    expect(calls[0]?.path).toBe('/v2/users/me/apps/main/workflows/ocr-translate/versions');

    await user.selectOptions(picker, 'aaaaaaaa1111');
    expect(onChange).toHaveBeenCalledWith('aaaaaaaa1111');
  });

  it('says why when the versions cannot be listed, and retries on request', async () => {
    let fail = true;
    mockApi(() =>
      fail
        ? clarifaiJson({ status: { code: 22102, description: 'Workflow does not exist' } }, 404)
        : clarifaiJson({ status: OK, workflow_versions: [{ id: 'v1' }] }),
    );
    const { user } = renderWithClient(<VersionSelect userApp={userApp} workflowId="gone" value={undefined} onChange={() => {}} />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Workflow does not exist (code 22102)');
    fail = false;
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('combobox', { name: 'Version' })).toBeInTheDocument();
  });
});
