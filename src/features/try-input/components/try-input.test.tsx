import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { TryInput, type Prediction } from '@/features/try-input/components/try-input';
import { clarifaiJson, mockApi, OK, stubObjectUrls } from '@/test/mock-api';
import { renderWithClient } from '@/test/render';
import { dropFiles } from '@/test/drop-files';

const target = { userApp: { userId: 'me', appId: 'main' }, workflowId: 'ocr-translate', versionId: 'v2abcdef99' };
const PINNED = '/v2/users/me/apps/main/workflows/ocr-translate/versions/v2abcdef99/results';
const okResponse = { status: OK, results: [{ status: OK, input: { id: 'i', data: {} }, outputs: [] }] };

function pngFile() {
  return new File([new Uint8Array([137, 80, 78, 71])], 'sign.png', { type: 'image/png' });
}

beforeEach(() => {
  stubObjectUrls();
});

async function openDialog(user: ReturnType<typeof renderWithClient>['user']) {
  await user.click(screen.getByRole('button', { name: 'Try your own image or video' }));
  return screen.getByRole('dialog', { name: 'Try your own image or video' });
}

describe('TryInput', () => {
  it('opens a modal from the + button with a dropzone, a file picker and a URL box, and gives focus back on close', async () => {
    mockApi(() => clarifaiJson(okResponse));
    const { user } = renderWithClient(<TryInput target={target} onPredicted={() => {}} />);
    const plus = screen.getByRole('button', { name: 'Try your own image or video' });
    const dialog = await openDialog(user);

    expect(within(dialog).getByRole('group', { name: 'Drop an image or video here' })).toBeInTheDocument();
    expect(within(dialog).getByLabelText('Choose a file')).toHaveAttribute('type', 'file');
    expect(within(dialog).getByRole('button', { name: 'Choose a file' })).toBeInTheDocument();
    expect(within(dialog).getByRole('textbox', { name: 'Image or video URL' })).toBeInTheDocument();

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(plus).toHaveFocus();
  });

  it('shows a failing prediction in the modal, in words and with the Clarifai code, and keeps the URL typed', async () => {
    const calls = mockApi(() =>
      clarifaiJson(
        { status: { code: 30002, description: 'Input download failed', details: 'could not fetch https://nowhere.invalid/a.jpg' } },
        400,
      ),
    );
    const onPredicted = vi.fn();
    const { user } = renderWithClient(<TryInput target={target} onPredicted={onPredicted} />);
    const dialog = await openDialog(user);
    const url = within(dialog).getByRole('textbox', { name: 'Image or video URL' });
    await user.type(url, 'https://nowhere.invalid/a.jpg');
    await user.click(within(dialog).getByRole('button', { name: 'Run' }));

    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('Input download failed (code 30002)');
    expect(alert).toHaveTextContent('could not fetch https://nowhere.invalid/a.jpg');
    expect(alert).toHaveTextContent('is the URL public?');
    expect(screen.getByRole('dialog', { name: 'Try your own image or video' })).toBeInTheDocument();
    expect(url).toHaveValue('https://nowhere.invalid/a.jpg');
    expect(onPredicted).not.toHaveBeenCalled();

    // Run was disabled while sending, which drops focus to <body>: Escape must still close.
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(calls[0]).toMatchObject({
      method: 'POST',
      path: PINNED,
      body: { inputs: [{ data: { image: { url: 'https://nowhere.invalid/a.jpg' } } }] },
    });
  });

  it('runs a picked file at once, shows progress while sending, and closes on success', async () => {
    let answer: (response: Response) => void = () => {};
    const calls = mockApi(() => new Promise<Response>((resolve) => (answer = resolve)));
    const onPredicted = vi.fn<(prediction: Prediction) => void>();
    const { user } = renderWithClient(<TryInput target={target} onPredicted={onPredicted} />);
    const dialog = await openDialog(user);

    await user.upload(within(dialog).getByLabelText('Choose a file'), pngFile());
    expect(await within(dialog).findByRole('progressbar', { name: 'Sending' })).toBeInTheDocument();
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]).toMatchObject({ path: PINNED, body: { inputs: [{ data: { image: { base64: 'iVBORw==' } } }] } });

    answer(clarifaiJson(okResponse));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(onPredicted).toHaveBeenCalledTimes(1);
    expect(onPredicted.mock.calls[0]?.[0].media).toMatchObject({ kind: 'image', name: 'sign.png' });
    expect(onPredicted.mock.calls[0]?.[0].media.url).toMatch(/^blob:/);
  });

  it('sends a video as data.video, and runs a file pasted into the modal', async () => {
    const calls = mockApi(() => clarifaiJson(okResponse));
    const { user } = renderWithClient(<TryInput target={{ ...target, versionId: undefined }} onPredicted={() => {}} />);
    const dialog = await openDialog(user);
    const clip = new File([new Uint8Array([0, 0, 0, 24])], 'clip.mp4', { type: 'video/mp4' });
    fireEvent.paste(dialog, { clipboardData: { files: [clip], getData: () => '' } });

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    // No pinned version: the latest version's endpoint.
    expect(calls[0]).toMatchObject({
      path: '/v2/users/me/apps/main/workflows/ocr-translate/results',
      body: { inputs: [{ data: { video: { base64: 'AAAAGA==' } } }] },
    });
  });

  it('runs a file dropped on the dropzone', async () => {
    const calls = mockApi(() => clarifaiJson(okResponse));
    const onPredicted = vi.fn();
    const { user } = renderWithClient(<TryInput target={target} onPredicted={onPredicted} />);
    const dialog = await openDialog(user);
    await dropFiles(within(dialog).getByRole('group', { name: 'Drop an image or video here' }), [pngFile()]);
    await waitFor(() => expect(onPredicted).toHaveBeenCalledTimes(1));
    expect(calls[0]).toMatchObject({ path: PINNED, body: { inputs: [{ data: { image: { base64: 'iVBORw==' } } }] } });
  });

  it('refuses a file that is not an image, video or audio, without sending it', async () => {
    const calls = mockApi(() => clarifaiJson(okResponse));
    const { user } = renderWithClient(<TryInput target={target} onPredicted={() => {}} />);
    const dialog = await openDialog(user);
    const zone = within(dialog).getByRole('group', { name: 'Drop an image or video here' });
    const notes = new File(['hello'], 'notes.txt', { type: 'text/plain' });
    await dropFiles(zone, [notes]);
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('“notes.txt” is not an image, video or audio file.');
    expect(calls).toHaveLength(0);
  });

  it('cannot be opened before a workflow is picked', () => {
    renderWithClient(<TryInput target={undefined} onPredicted={() => {}} />);
    expect(screen.getByRole('button', { name: 'Try your own image or video' })).toBeDisabled();
  });
});
