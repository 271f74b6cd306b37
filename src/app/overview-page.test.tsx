import { beforeEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { OverviewPage } from '@/app/overview-page';
import { clarifaiJson, mockApi, OK } from '@/test/mock-api';
import { ocrTranslateApi as engine } from '@/test/ocr-translate-api';
import { renderWithClient } from '@/test/render';

describe('the overview page', () => {
  beforeEach(() => {
    // The picked workflow and version are kept in the address; each story starts from a bare one.
    window.history.replaceState(null, '', '/');
  });

  it('says which API it talks to, lets a person pick a workflow and version, and runs it on a URL', async () => {
    const calls = mockApi(engine);
    const { user } = renderWithClient(<OverviewPage />);

    expect(await screen.findByText('Local engine · http://127.0.0.1:4010')).toBeInTheDocument();
    const workflow = await screen.findByRole('combobox', { name: 'Workflow' });
    expect(workflow).toHaveValue('');
    expect(screen.getByText('Pick a workflow')).toBeInTheDocument();

    await user.selectOptions(workflow, 'ocr-translate');
    expect(await screen.findByText('Run the workflow on your own input: press +')).toBeInTheDocument();
    expect(window.location.search).toBe('?workflow=ocr-translate');
    const version = await screen.findByRole('combobox', { name: 'Version' });
    await waitFor(() => expect(version).toHaveValue('newer0000001'));
    const chain = screen.getByRole('list', { name: 'Workflow nodes' });
    expect(within(chain).getByText('translate-cat')).toBeInTheDocument();

    // The older version: the chain follows it, and the prediction is pinned to it.
    await user.selectOptions(version, 'older0000001');
    await waitFor(() => expect(within(chain).queryByText('translate-cat')).not.toBeInTheDocument());
    expect(window.location.search).toBe('?workflow=ocr-translate&version=older0000001');

    await user.click(screen.getByRole('button', { name: 'Try your own image or video' }));
    const dialog = screen.getByRole('dialog', { name: 'Try your own image or video' });
    await user.type(
      within(dialog).getByRole('textbox', { name: 'Image or video URL' }),
      'https://example.com/sign.png',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Run' }));

    const ocr = await screen.findByRole('region', { name: 'ocr' });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(
      within(within(ocr).getByRole('list', { name: 'Regions' })).getByRole('listitem'),
    ).toHaveTextContent('THE HOUSE IS RED');
    expect(screen.getByRole('region', { name: 'translate-spa' })).toHaveTextContent('LA CASA ES ROJA');
    expect(screen.queryByRole('region', { name: 'translate-cat' })).not.toBeInTheDocument();
    expect(calls.some((c) => c.method === 'POST' && c.path.endsWith('/versions/older0000001/results'))).toBe(
      true,
    );
  });

  it('opens the workflow and version named in the address', async () => {
    window.history.replaceState(null, '', '/?workflow=ocr-translate&version=older0000001');
    mockApi(engine);
    renderWithClient(<OverviewPage />);
    await waitFor(() =>
      expect(screen.getByRole('combobox', { name: 'Version' })).toHaveValue('older0000001'),
    );
    expect(screen.getByRole('combobox', { name: 'Workflow' })).toHaveValue('ocr-translate');
  });

  it('reads another user’s app once the API settings say so', async () => {
    const calls = mockApi((call) =>
      call.path === '/v2/users/clarifai/apps/main/workflows'
        ? clarifaiJson({ status: OK, workflows: [{ id: 'General' }] })
        : engine(call),
    );
    const { user } = renderWithClient(<OverviewPage />);
    await user.click(await screen.findByRole('button', { name: 'API settings' }));
    const form = screen.getByRole('form', { name: 'API settings' });
    const userId = within(form).getByRole('textbox', { name: 'User ID' });
    await user.clear(userId);
    await user.type(userId, 'clarifai');
    await user.click(within(form).getByRole('button', { name: 'Apply' }));

    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Workflow' })).toHaveValue('General'));
    expect(screen.getByText('clarifai / main')).toBeInTheDocument();
    expect(calls.some((c) => c.path === '/v2/users/clarifai/apps/main/workflows')).toBe(true);
  });

  it('says the API is not reachable, with the hint and a Retry that works once it is up', async () => {
    let up = false;
    mockApi((call) =>
      up
        ? engine(call)
        : new Response('<!doctype html><title>Vite</title>', { headers: { 'content-type': 'text/html' } }),
    );
    const { user } = renderWithClient(<OverviewPage />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The API is not reachable: is `npm start` running?');
    up = true;
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('combobox', { name: 'Workflow' })).toBeInTheDocument();
  });

  it('shows a Clarifai error status on the workflow list with its code', async () => {
    mockApi((call) =>
      call.path.endsWith('/workflows')
        ? clarifaiJson(
            { status: { code: 11008, description: 'API key is invalid', details: 'key rejected' } },
            401,
          )
        : engine(call),
    );
    renderWithClient(<OverviewPage />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('API key is invalid (code 11008)');
    expect(alert).toHaveTextContent('key rejected');
    expect(alert).toHaveTextContent('CLARIFAI_PAT');
  });
});
