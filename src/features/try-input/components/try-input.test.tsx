import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { TryInput, type Prediction } from '@/features/try-input/components/try-input';
import { clarifaiJson, mockApi, OK, stubObjectUrls } from '@/test/mock-api';
import { renderWithClient } from '@/test/render';
import { openTryDialog } from '@/test/try-input';
import { dropFiles } from '@/test/drop-files';
import { installFakeMicrophone, removeFakeMicrophone } from '@/test/fake-media';

const target = {
  userApp: { userId: 'me', appId: 'main' },
  workflowId: 'ocr-translate',
  versionId: 'v2abcdef99',
};
const PINNED = '/v2/users/me/apps/main/workflows/ocr-translate/versions/v2abcdef99/results';
const okResponse = { status: OK, results: [{ status: OK, input: { id: 'i', data: {} }, outputs: [] }] };

function pngFile() {
  return new File([new Uint8Array([137, 80, 78, 71])], 'sign.png', { type: 'image/png' });
}

beforeEach(() => {
  stubObjectUrls();
});

describe('TryInput', () => {
  it('opens a modal from the + button with a dropzone, a file picker and a URL box, and gives focus back on close', async () => {
    mockApi(() => clarifaiJson(okResponse));
    const { user } = renderWithClient(<TryInput target={target} onPredicted={() => {}} />);
    const plus = screen.getByRole('button', { name: 'Try your own image or video' });
    const dialog = await openTryDialog(user);

    // The drop zone loads on demand.
    expect(
      await within(dialog).findByRole('group', { name: 'Drop an image or video here' }),
    ).toBeInTheDocument();
    expect(within(dialog).getByLabelText('Choose a file')).toHaveAttribute('type', 'file');
    expect(within(dialog).getByRole('button', { name: 'Choose a file' })).toBeInTheDocument();
    expect(within(dialog).getByRole('textbox', { name: 'Image or video URL' })).toBeInTheDocument();

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(plus).toHaveFocus();
  });

  it('after a 429 says to wait, keeps the text, and Retry sends the same input again', async () => {
    let answers = 0;
    const calls = mockApi(() =>
      answers++ === 0
        ? clarifaiJson({ status: { code: 11005, description: 'Too many requests' } }, 429)
        : clarifaiJson(okResponse),
    );
    const onPredicted = vi.fn();
    const { user } = renderWithClient(<TryInput target={target} onPredicted={onPredicted} />);
    const dialog = await openTryDialog(user);
    await user.click(within(dialog).getByRole('tab', { name: 'Text' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Text' }), 'a calm sentence');
    await user.click(within(dialog).getByRole('button', { name: 'Run' }));

    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('Too many requests: wait a moment and try again.');
    expect(within(dialog).getByRole('textbox', { name: 'Text' })).toHaveValue('a calm sentence');
    expect(onPredicted).not.toHaveBeenCalled();

    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(onPredicted).toHaveBeenCalledTimes(1));
    const sent = calls.filter((call) => call.path === PINNED).map((call) => JSON.stringify(call.body));
    expect(sent).toHaveLength(2);
    expect(sent[1]).toBe(sent[0]);
    expect(sent[0]).toContain('a calm sentence');
  });

  it('shows a failing prediction in the modal, in words and with the Clarifai code, and keeps the URL typed', async () => {
    const calls = mockApi(() =>
      clarifaiJson(
        {
          status: {
            code: 30002,
            description: 'Input download failed',
            details: 'could not fetch https://nowhere.invalid/a.jpg',
          },
        },
        400,
      ),
    );
    const onPredicted = vi.fn();
    const { user } = renderWithClient(<TryInput target={target} onPredicted={onPredicted} />);
    const dialog = await openTryDialog(user);
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
    const dialog = await openTryDialog(user);

    await user.upload(within(dialog).getByLabelText('Choose a file'), pngFile());
    expect(await within(dialog).findByRole('progressbar', { name: 'Sending' })).toBeInTheDocument();
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]).toMatchObject({
      path: PINNED,
      body: { inputs: [{ data: { image: { base64: 'iVBORw==' } } }] },
    });

    answer(clarifaiJson(okResponse));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(onPredicted).toHaveBeenCalledTimes(1);
    expect(onPredicted.mock.calls[0]?.[0].inputs[0]?.media).toMatchObject({
      kind: 'image',
      name: 'sign.png',
    });
    expect(onPredicted.mock.calls[0]?.[0].inputs[0]?.media?.url).toMatch(/^blob:/);
  });

  it('sends a video as data.video, and takes a file pasted into the modal', async () => {
    const calls = mockApi(() => clarifaiJson(okResponse));
    const { user } = renderWithClient(
      <TryInput target={{ ...target, versionId: undefined }} onPredicted={() => {}} />,
    );
    const dialog = await openTryDialog(user);
    const clip = new File([new Uint8Array([0, 0, 0, 24])], 'clip.mp4', { type: 'video/mp4' });
    fireEvent.paste(dialog, { clipboardData: { files: [clip], getData: () => '' } });
    // A video waits for its sample interval and a Run.
    await user.click(within(dialog).getByRole('button', { name: 'Run video' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    // No pinned version: the latest version's endpoint.
    expect(calls[0]).toMatchObject({
      path: '/v2/users/me/apps/main/workflows/ocr-translate/results',
      body: { inputs: [{ data: { video: { base64: 'AAAAGA==' } } }], output_config: { sample_ms: 1000 } },
    });
  });

  it('runs a file dropped on the dropzone', async () => {
    const calls = mockApi(() => clarifaiJson(okResponse));
    const onPredicted = vi.fn();
    const { user } = renderWithClient(<TryInput target={target} onPredicted={onPredicted} />);
    const dialog = await openTryDialog(user);
    await dropFiles(within(dialog).getByRole('group', { name: 'Drop an image or video here' }), [pngFile()]);
    await waitFor(() => expect(onPredicted).toHaveBeenCalledTimes(1));
    expect(calls[0]).toMatchObject({
      path: PINNED,
      body: { inputs: [{ data: { image: { base64: 'iVBORw==' } } }] },
    });
  });

  it('refuses a file that is not an image, video or audio, without sending it', async () => {
    const calls = mockApi(() => clarifaiJson(okResponse));
    const { user } = renderWithClient(<TryInput target={target} onPredicted={() => {}} />);
    const dialog = await openTryDialog(user);
    const zone = within(dialog).getByRole('group', { name: 'Drop an image or video here' });
    const notes = new File(['hello'], 'notes.txt', { type: 'text/plain' });
    await dropFiles(zone, [notes]);
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      '“notes.txt” is not an image, video or audio file.',
    );
    expect(calls).toHaveLength(0);
  });

  it('cannot be opened before a workflow is picked', () => {
    renderWithClient(<TryInput target={undefined} onPredicted={() => {}} />);
    expect(screen.getByRole('button', { name: 'Try your own image or video' })).toBeDisabled();
  });
});

describe('TryInput: text, audio, multimodal and batches', () => {
  afterEach(removeFakeMicrophone);

  it('offers three tabs, moved between with the arrow keys, keeping the dialog’s name', async () => {
    mockApi(() => clarifaiJson(okResponse));
    const { user } = renderWithClient(<TryInput target={target} onPredicted={() => {}} />);
    const dialog = await openTryDialog(user);
    const tabs = within(within(dialog).getByRole('tablist', { name: 'Kind of input' })).getAllByRole('tab');
    expect(tabs.map((tab) => tab.textContent)).toEqual(['Image or video', 'Text', 'Audio']);
    expect(tabs[0]).toHaveAttribute('aria-selected', 'true');
    expect(within(dialog).getByRole('tabpanel', { name: 'Image or video' })).toBeInTheDocument();

    tabs[0]!.focus();
    await user.keyboard('{ArrowRight}');
    expect(within(dialog).getByRole('tab', { name: 'Text' })).toHaveAttribute('aria-selected', 'true');
    expect(within(dialog).getByRole('tab', { name: 'Text' })).toHaveFocus();
    expect(within(dialog).getByRole('tabpanel', { name: 'Text' })).toBeInTheDocument();
    expect(
      within(dialog).queryByRole('group', { name: 'Drop an image or video here' }),
    ).not.toBeInTheDocument();
    await user.keyboard('{End}');
    expect(within(dialog).getByRole('tabpanel', { name: 'Audio' })).toBeInTheDocument();
    await user.keyboard('{ArrowRight}');
    expect(within(dialog).getByRole('tab', { name: 'Image or video' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
  });

  it('sends a typed text as text.raw, and one input per line when asked', async () => {
    const calls = mockApi(() => clarifaiJson(okResponse));
    const onPredicted = vi.fn<(prediction: Prediction) => void>();
    const { user } = renderWithClient(<TryInput target={target} onPredicted={onPredicted} />);
    let dialog = await openTryDialog(user);
    await user.click(within(dialog).getByRole('tab', { name: 'Text' }));
    const run = within(dialog).getByRole('button', { name: 'Run' });
    expect(run).toBeDisabled();
    await user.type(within(dialog).getByRole('textbox', { name: 'Text' }), 'I love this product');
    await user.click(run);
    await waitFor(() => expect(onPredicted).toHaveBeenCalledTimes(1));
    expect(calls[0]).toMatchObject({
      path: PINNED,
      body: { inputs: [{ data: { text: { raw: 'I love this product' } } }] },
    });
    expect(onPredicted.mock.calls[0]?.[0].inputs).toEqual([{ text: 'I love this product' }]);

    // The modal opens again on the same tab, with the text kept.
    dialog = await openTryDialog(user);
    const text = within(dialog).getByRole('textbox', { name: 'Text' });
    await user.clear(text);
    await user.type(text, 'Great{Enter}{Enter}Awful');
    await user.click(within(dialog).getByRole('checkbox', { name: 'One input per line' }));
    await user.click(within(dialog).getByRole('button', { name: 'Run' }));
    await waitFor(() => expect(calls).toHaveLength(2));
    expect(calls[1]?.body).toEqual({
      inputs: [{ data: { text: { raw: 'Great' } } }, { data: { text: { raw: 'Awful' } } }],
    });
  });

  it('sends a text by URL when asked for a URL instead of typing', async () => {
    const calls = mockApi(() => clarifaiJson(okResponse));
    const { user } = renderWithClient(<TryInput target={target} onPredicted={() => {}} />);
    const dialog = await openTryDialog(user);
    await user.click(within(dialog).getByRole('tab', { name: 'Text' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Text' }), 'typed, then set aside');
    expect(within(dialog).queryByRole('textbox', { name: 'Text URL' })).not.toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: 'Give a URL instead' }));
    expect(within(dialog).queryByRole('textbox', { name: 'Text' })).not.toBeInTheDocument();
    await user.type(within(dialog).getByRole('textbox', { name: 'Text URL' }), 'https://example.com/a.txt');
    await user.click(within(dialog).getByRole('button', { name: 'Run' }));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]?.body).toEqual({ inputs: [{ data: { text: { url: 'https://example.com/a.txt' } } }] });

    // The typed text is still there to go back to.
    await openTryDialog(user);
    await user.click(screen.getByRole('button', { name: 'Type a text instead' }));
    expect(screen.getByRole('textbox', { name: 'Text' })).toHaveValue('typed, then set aside');
  });

  it('sends an image and its caption together in one data (multimodal)', async () => {
    const calls = mockApi(() => clarifaiJson(okResponse));
    const onPredicted = vi.fn<(prediction: Prediction) => void>();
    const { user } = renderWithClient(<TryInput target={target} onPredicted={onPredicted} />);
    const dialog = await openTryDialog(user);
    await user.type(within(dialog).getByRole('textbox', { name: 'Caption' }), 'For sale, cheap');
    await user.upload(within(dialog).getByLabelText('Choose a file'), pngFile());
    await waitFor(() => expect(onPredicted).toHaveBeenCalledTimes(1));
    expect(calls[0]?.body).toEqual({
      inputs: [{ data: { image: { base64: 'iVBORw==' }, text: { raw: 'For sale, cheap' } } }],
    });
    expect(onPredicted.mock.calls[0]?.[0].inputs[0]).toMatchObject({
      media: { kind: 'image' },
      text: 'For sale, cheap',
    });
  });

  it('sends an image URL with its caption too', async () => {
    const calls = mockApi(() => clarifaiJson(okResponse));
    const { user } = renderWithClient(<TryInput target={target} onPredicted={() => {}} />);
    const dialog = await openTryDialog(user);
    await user.type(within(dialog).getByRole('textbox', { name: 'Caption' }), 'A train');
    await user.type(
      within(dialog).getByRole('textbox', { name: 'Image or video URL' }),
      'https://example.com/train.jpg',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Run' }));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]?.body).toEqual({
      inputs: [{ data: { image: { url: 'https://example.com/train.jpg' }, text: { raw: 'A train' } } }],
    });
  });

  it('refuses 33 files before sending anything', async () => {
    const calls = mockApi(() => clarifaiJson(okResponse));
    const { user } = renderWithClient(<TryInput target={target} onPredicted={() => {}} />);
    const dialog = await openTryDialog(user);
    const files = Array.from(
      { length: 33 },
      (_, i) => new File([new Uint8Array([i])], `p${i}.png`, { type: 'image/png' }),
    );
    await dropFiles(within(dialog).getByRole('group', { name: 'Drop an image or video here' }), files);
    expect(within(dialog).getByRole('alert')).toHaveTextContent(
      '33 files: a request takes at most 32 inputs; pick fewer.',
    );
    expect(calls).toHaveLength(0);
  });

  it('sends 12 picked files in one request, one input each, of each file’s kind', async () => {
    const calls = mockApi(() => clarifaiJson(okResponse));
    const onPredicted = vi.fn<(prediction: Prediction) => void>();
    const { user } = renderWithClient(<TryInput target={target} onPredicted={onPredicted} />);
    const dialog = await openTryDialog(user);
    const files = Array.from({ length: 12 }, (_, i) =>
      i === 5
        ? new File([new Uint8Array([0, 0, 0, 24])], 'talk.wav', { type: 'audio/wav' })
        : new File([new Uint8Array([137, 80, 78, 71])], `p${i}.png`, { type: 'image/png' }),
    );
    await user.upload(within(dialog).getByLabelText('Choose a file'), files);
    await waitFor(() => expect(onPredicted).toHaveBeenCalledTimes(1));
    expect(calls).toHaveLength(1);
    const body = calls[0]?.body as { inputs: { data: object }[] };
    expect(body.inputs).toHaveLength(12);
    expect(body.inputs[0]).toEqual({ data: { image: { base64: 'iVBORw==' } } });
    expect(body.inputs[5]).toEqual({ data: { audio: { base64: 'AAAAGA==' } } });
    expect(onPredicted.mock.calls[0]?.[0].inputs.map((input) => input.media?.name)).toEqual(
      files.map((f) => f.name),
    );
  });

  it('sends an audio file picked in the Audio tab as audio, even a .webm the system calls video', async () => {
    const calls = mockApi(() => clarifaiJson(okResponse));
    const { user } = renderWithClient(<TryInput target={target} onPredicted={() => {}} />);
    const dialog = await openTryDialog(user);
    await user.click(within(dialog).getByRole('tab', { name: 'Audio' }));
    expect(within(dialog).getByRole('group', { name: 'Drop audio files here' })).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Choose an audio file' })).toBeInTheDocument();
    const clip = new File([new Uint8Array([0x1a, 0x45, 0xdf, 0xa3])], 'voice.webm', { type: 'video/webm' });
    await user.upload(within(dialog).getByLabelText('Choose an audio file'), clip);
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]?.body).toEqual({ inputs: [{ data: { audio: { base64: 'GkXfow==' } } }] });
  });

  it('sends an audio URL as audio', async () => {
    const calls = mockApi(() => clarifaiJson(okResponse));
    const { user } = renderWithClient(<TryInput target={target} onPredicted={() => {}} />);
    const dialog = await openTryDialog(user);
    await user.click(within(dialog).getByRole('tab', { name: 'Audio' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Audio URL' }), 'https://example.com/speech');
    await user.click(within(dialog).getByRole('button', { name: 'Run' }));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]?.body).toEqual({ inputs: [{ data: { audio: { url: 'https://example.com/speech' } } }] });
  });

  it('records from the microphone with a running clock, and sends the recording as audio.base64', async () => {
    const mic = installFakeMicrophone();
    const calls = mockApi(() => clarifaiJson(okResponse));
    const onPredicted = vi.fn<(prediction: Prediction) => void>();
    const { user } = renderWithClient(<TryInput target={target} onPredicted={onPredicted} />);
    const dialog = await openTryDialog(user);
    await user.click(within(dialog).getByRole('tab', { name: 'Audio' }));
    await user.click(within(dialog).getByRole('button', { name: 'Record' }));

    const stop = await within(dialog).findByRole('button', { name: 'Stop recording' });
    const clock = within(dialog).getByRole('timer', { name: 'Recording time' });
    expect(clock).toHaveTextContent('0:00');
    expect(mic.recorders[0]?.state).toBe('recording');
    // Three seconds later, as the clock sees it.
    const now = Date.now();
    vi.spyOn(Date, 'now').mockReturnValue(now + 3200);
    await waitFor(() => expect(clock).toHaveTextContent('0:03'));
    await user.click(stop);

    await waitFor(() => expect(onPredicted).toHaveBeenCalledTimes(1));
    expect(calls[0]?.body).toEqual({ inputs: [{ data: { audio: { base64: 'GkXfow==' } } }] });
    expect(onPredicted.mock.calls[0]?.[0].inputs[0]?.media).toMatchObject({
      kind: 'audio',
      name: 'recording.webm',
    });
    expect(mic.tracks.every((track) => track.stopped)).toBe(true);
  });

  it('says so in words when the microphone is refused, and sends nothing', async () => {
    installFakeMicrophone({ refuse: 'NotAllowedError' });
    const calls = mockApi(() => clarifaiJson(okResponse));
    const { user } = renderWithClient(<TryInput target={target} onPredicted={() => {}} />);
    const dialog = await openTryDialog(user);
    await user.click(within(dialog).getByRole('tab', { name: 'Audio' }));
    await user.click(within(dialog).getByRole('button', { name: 'Record' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Microphone access was refused. Allow it for this page in the browser’s site settings',
    );
    expect(within(dialog).getByRole('button', { name: 'Record' })).toBeEnabled();
    expect(calls).toHaveLength(0);
  });

  it('releases the microphone when the modal closes mid-recording', async () => {
    const mic = installFakeMicrophone();
    mockApi(() => clarifaiJson(okResponse));
    const { user } = renderWithClient(<TryInput target={target} onPredicted={() => {}} />);
    const dialog = await openTryDialog(user);
    await user.click(within(dialog).getByRole('tab', { name: 'Audio' }));
    await user.click(within(dialog).getByRole('button', { name: 'Record' }));
    await within(dialog).findByRole('button', { name: 'Stop recording' });
    await user.keyboard('{Escape}');
    await waitFor(() => expect(mic.tracks[0]?.stopped).toBe(true));
  });
});
