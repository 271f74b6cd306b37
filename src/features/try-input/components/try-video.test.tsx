/**
 * A video in the modal: it waits for its sample interval and a Run (an image still runs at once),
 * the interval goes out as `output_config.sample_ms`, and a streamed answer reports its frames.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { TryInput, type Prediction } from '@/features/try-input/components/try-input';
import { clarifaiJson, mockApi, OK, stubObjectUrls } from '@/test/mock-api';
import { ndjsonStream } from '@/test/ndjson';
import { renderWithClient } from '@/test/render';
import { openTryDialog } from '@/test/try-input';
import { dropFiles } from '@/test/drop-files';

const target = { userApp: { userId: 'me', appId: 'main' }, workflowId: 'Video-OCR', versionId: undefined };
const okResponse = { status: OK, results: [{ status: OK, input: { id: 'i', data: {} }, outputs: [] }] };

function clip(name = 'clip.mp4') {
  return new File([new Uint8Array([0, 0, 0, 24])], name, { type: 'video/mp4' });
}

beforeEach(() => {
  stubObjectUrls();
});

describe('a video in the modal', () => {
  it('waits for a Run after a video is picked, and sends the interval chosen as output_config.sample_ms', async () => {
    const calls = mockApi(() => clarifaiJson(okResponse));
    const onPredicted = vi.fn();
    const { user } = renderWithClient(<TryInput target={target} onPredicted={onPredicted} />);
    const dialog = await openTryDialog(user);
    expect(
      within(dialog).queryByRole('spinbutton', { name: 'Sample interval (ms)' }),
    ).not.toBeInTheDocument();

    await user.upload(within(dialog).getByLabelText('Choose a file'), clip());
    const waiting = within(dialog).getByRole('group', { name: 'Video to run' });
    expect(waiting).toHaveTextContent('clip.mp4');
    expect(calls).toHaveLength(0);
    const interval = within(waiting).getByRole('spinbutton', { name: 'Sample interval (ms)' });
    expect(interval).toHaveValue(1000);
    await user.clear(interval);
    await user.type(interval, '250');
    await user.click(within(waiting).getByRole('button', { name: 'Run video' }));

    await waitFor(() => expect(onPredicted).toHaveBeenCalledTimes(1));
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      method: 'POST',
      path: '/v2/users/me/apps/main/workflows/Video-OCR/results',
      body: { inputs: [{ data: { video: { base64: 'AAAAGA==' } } }], output_config: { sample_ms: 250 } },
    });
    expect(calls[0]?.headers?.accept).toContain('application/x-ndjson');
  });

  it('takes a dropped video the same way, with a preset interval', async () => {
    const calls = mockApi(() => clarifaiJson(okResponse));
    const { user } = renderWithClient(<TryInput target={target} onPredicted={() => {}} />);
    const dialog = await openTryDialog(user);
    await dropFiles(within(dialog).getByRole('group', { name: 'Drop an image or video here' }), [
      clip('walk.mp4'),
    ]);
    const waiting = within(dialog).getByRole('group', { name: 'Video to run' });
    expect(waiting).toHaveTextContent('walk.mp4');
    await user.click(within(waiting).getByRole('button', { name: '500 ms' }));
    await user.click(within(waiting).getByRole('button', { name: 'Run video' }));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]?.body).toMatchObject({ output_config: { sample_ms: 500 } });
  });

  it('offers the interval for a video URL, and sends none for an image URL', async () => {
    const calls = mockApi(() => clarifaiJson(okResponse));
    const { user } = renderWithClient(<TryInput target={target} onPredicted={() => {}} />);
    const dialog = await openTryDialog(user);
    const url = within(dialog).getByRole('textbox', { name: 'Image or video URL' });
    await user.type(url, 'https://example.com/sign.png');
    expect(
      within(dialog).queryByRole('spinbutton', { name: 'Sample interval (ms)' }),
    ).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Run' }));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]?.body).not.toHaveProperty('output_config');

    await openTryDialog(user);
    const again = screen.getByRole('dialog', { name: 'Try your own image or video' });
    const field = within(again).getByRole('textbox', { name: 'Image or video URL' });
    await user.clear(field);
    await user.type(field, 'https://example.com/clip.mp4');
    await user.click(within(again).getByRole('button', { name: '2000 ms' }));
    await user.click(within(again).getByRole('button', { name: 'Run' }));
    await waitFor(() => expect(calls).toHaveLength(2));
    expect(calls[1]?.body).toEqual({
      inputs: [{ data: { video: { url: 'https://example.com/clip.mp4' } } }],
      output_config: { sample_ms: 2000 },
    });
  });

  it('shows the frames processed while a streamed answer arrives, and hands on the results so far', async () => {
    const stream = ndjsonStream();
    mockApi(() => stream.response);
    const onPartial = vi.fn<(partial: Prediction | null) => void>();
    const onPredicted = vi.fn<(prediction: Prediction) => void>();
    const { user } = renderWithClient(
      <TryInput target={target} onPredicted={onPredicted} onPartial={onPartial} />,
    );
    const dialog = await openTryDialog(user);
    await user.upload(within(dialog).getByLabelText('Choose a file'), clip());
    await user.click(within(dialog).getByRole('button', { name: 'Run video' }));
    expect(await within(dialog).findByRole('progressbar', { name: 'Sending' })).toBeInTheDocument();

    stream.send({ progress: { stage: 'inputs', done: 0, total: 1 } });
    stream.send({ progress: { stage: 'frames', done: 0, total: null } });
    expect(await within(dialog).findByRole('progressbar', { name: 'Processing frames' })).toBeInTheDocument();
    stream.send({ progress: { stage: 'frames', done: 0, total: 4 } });
    const output = (raw: string) => ({ id: 'out-ocr', model: { id: 'ocr' }, data: { text: { raw } } });
    stream.send({ frame: { input_index: 0, frame_info: { index: 0, time: 500 }, outputs: [output('0')] } });
    stream.send({ progress: { stage: 'frames', done: 1, total: 4 } });
    // The first frames are in: the modal steps aside for them, and the progress goes on beside +.
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() =>
      expect(screen.getByRole('progressbar', { name: 'Processing frames' })).toHaveAttribute(
        'aria-valuenow',
        '25',
      ),
    );
    expect(screen.getByText(/Processing frames… 1 of 4/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Stop' })).toBeInTheDocument();
    await waitFor(() => expect(onPartial).toHaveBeenCalled());
    const partial = onPartial.mock.calls.at(-1)?.[0];
    expect(partial?.response.results?.[0]?.outputs?.[0]?.data?.frames).toEqual([
      { frame_info: { index: 0, time: 500 }, data: { text: { raw: '0' } } },
    ]);
    expect(partial?.inputs[0]?.media).toMatchObject({ kind: 'video', name: 'clip.mp4' });
    expect(onPredicted).not.toHaveBeenCalled();

    stream.send({ response: okResponse });
    stream.end();
    await waitFor(() => expect(onPredicted).toHaveBeenCalledTimes(1));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Stop' })).not.toBeInTheDocument();
  });

  it('stops a run that stepped aside with Stop, dropping the results so far', async () => {
    const stream = ndjsonStream();
    mockApi(() => stream.response);
    const onPartial = vi.fn<(partial: Prediction | null) => void>();
    const { user } = renderWithClient(
      <TryInput target={target} onPredicted={() => {}} onPartial={onPartial} />,
    );
    const dialog = await openTryDialog(user);
    await user.upload(within(dialog).getByLabelText('Choose a file'), clip());
    await user.click(within(dialog).getByRole('button', { name: 'Run video' }));
    stream.send({ frame: { input_index: 0, frame_info: { index: 0, time: 500 }, outputs: [{ data: {} }] } });
    await user.click(await screen.findByRole('button', { name: 'Stop' }));
    expect(onPartial).toHaveBeenLastCalledWith(null);
    expect(screen.queryByRole('button', { name: 'Stop' })).not.toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('drops the results so far when the streamed answer fails, and says why', async () => {
    const stream = ndjsonStream();
    mockApi(() => stream.response);
    const onPartial = vi.fn<(partial: Prediction | null) => void>();
    const { user } = renderWithClient(
      <TryInput target={target} onPredicted={() => {}} onPartial={onPartial} />,
    );
    const dialog = await openTryDialog(user);
    await user.upload(within(dialog).getByLabelText('Choose a file'), clip());
    await user.click(within(dialog).getByRole('button', { name: 'Run video' }));
    stream.send({ frame: { input_index: 0, frame_info: { index: 0, time: 500 }, outputs: [{ data: {} }] } });
    await waitFor(() => expect(onPartial).toHaveBeenCalled());
    stream.send({
      response: {
        status: { code: 10020, description: 'Failure' },
        results: [
          {
            status: { code: 30300, description: 'Input could not be decoded', details: 'video is truncated' },
            outputs: [],
          },
        ],
      },
    });
    stream.end();
    // The modal had stepped aside for the frames: it comes back to say what failed.
    const reopened = await screen.findByRole('dialog', { name: 'Try your own image or video' });
    expect(await within(reopened).findByRole('alert')).toHaveTextContent(
      'Input could not be decoded (code 30300)',
    );
    expect(onPartial).toHaveBeenLastCalledWith(null);
  });
});
