/**
 * The whole path of a batch: twelve files dropped in the modal go out in one request, and the
 * results list the twelve inputs, each with its own answer (or its own error).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { OverviewPage } from '@/app/overview-page';
import { clarifaiJson, mockApi, OK, stubObjectUrls, type ApiCall } from '@/test/mock-api';
import { renderWithClient } from '@/test/render';
import { dropFiles } from '@/test/drop-files';

const base = '/v2/users/local/apps/main';
const config = {
  mode: 'local',
  apiTarget: 'http://127.0.0.1:4010',
  authenticated: false,
  userId: 'local',
  appId: 'main',
};
const classify = { id: 'classify', model: { id: 'general', model_type_id: 'visual-classifier' } };

function requestInputs(body: unknown): { data: Record<string, unknown> }[] {
  if (body && typeof body === 'object' && 'inputs' in body && Array.isArray(body.inputs)) return body.inputs;
  throw new Error('not a predict request');
}

function engine(call: ApiCall): Response {
  switch (`${call.method} ${call.path}`) {
    case 'GET /__lens/config':
      return Response.json(config);
    case `GET ${base}/workflows`:
      return clarifaiJson({ status: OK, workflows: [{ id: 'general' }] });
    case `GET ${base}/workflows/general`:
      return clarifaiJson({ status: OK, workflow: { id: 'general', nodes: [classify] } });
    case `GET ${base}/workflows/general/versions`:
      return clarifaiJson({
        status: OK,
        workflow_versions: [{ id: 'g1', created_at: '2025-01-01T00:00:00Z', nodes: [classify] }],
      });
    case `POST ${base}/workflows/general/versions/g1/results`: {
      const inputs = requestInputs(call.body);
      return clarifaiJson({
        status: { code: 10010, description: 'Mixed Success' },
        results: inputs.map((input, i) =>
          i === 6
            ? {
                status: { code: 30300, description: 'Input could not be decoded' },
                input: { id: `in-${i}`, data: input.data },
                outputs: [],
              }
            : {
                status: OK,
                input: { id: `in-${i}`, data: { image: { base64: 'dHJ1ZQ==' } } },
                outputs: [
                  {
                    status: OK,
                    model: { id: 'general' },
                    data: { concepts: [{ id: `c${i}`, name: `label-${i + 1}`, value: 0.8 }] },
                  },
                ],
              },
        ),
      });
    }
    default:
      return clarifaiJson({ status: { code: 11101, description: 'Resource does not exist' } }, 404);
  }
}

describe('a batch through the page', () => {
  beforeEach(() => {
    window.history.replaceState(null, '', '/');
    stubObjectUrls();
  });

  it('sends twelve dropped files in one request and lists the twelve inputs, each with its own answer', async () => {
    const calls = mockApi(engine);
    const { user } = renderWithClient(<OverviewPage />);
    await user.click(await screen.findByRole('button', { name: 'Try your own image or video' }));
    const dialog = screen.getByRole('dialog', { name: 'Try your own image or video' });
    const files = Array.from(
      { length: 12 },
      (_, i) => new File([new Uint8Array([137, 80, 78, 71])], `shot-${i + 1}.png`, { type: 'image/png' }),
    );
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Choose a file' })).toBeEnabled());
    await dropFiles(within(dialog).getByRole('group', { name: 'Drop an image or video here' }), files);

    const list = await screen.findByRole('list', { name: 'Inputs' });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    const predicts = calls.filter((call) => call.method === 'POST');
    expect(predicts).toHaveLength(1);
    expect(requestInputs(predicts[0]?.body)).toHaveLength(12);

    const buttons = within(list).getAllByRole('button');
    expect(buttons).toHaveLength(12);
    expect(buttons.map((button) => button.querySelector('img')?.getAttribute('src'))).toEqual(
      Array.from({ length: 12 }, (_, i) => `blob:test/${i + 1}`),
    );
    expect(screen.getByRole('meter', { name: 'label-1' })).toBeInTheDocument();

    await user.click(within(list).getByRole('button', { name: /^Input 3: shot-3\.png/ }));
    expect(screen.getByRole('meter', { name: 'label-3' })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'Input: shot-3.png' })).toBeInTheDocument();

    const failed = within(list).getByRole('button', {
      name: 'Input 7: shot-7.png, Input could not be decoded (30300)',
    });
    await user.click(failed);
    expect(screen.getByRole('alert')).toHaveTextContent(
      'This input failed: Input could not be decoded (code 30300)',
    );
  });
});
