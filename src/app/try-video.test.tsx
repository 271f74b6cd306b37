/**
 * The whole path of a video: picked in the modal, run with its sample interval, answered as a
 * stream; the results draw each frame as it comes, before the last line, on the video itself,
 * with every node's player on the same frame.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { OverviewPage } from '@/app/overview-page';
import { clarifaiJson, mockApi, OK, stubObjectUrls, type ApiCall } from '@/test/mock-api';
import { ndjsonStream, type LineStream } from '@/test/ndjson';
import { renderWithClient } from '@/test/render';

const base = '/v2/users/local/apps/main';
const config = {
  mode: 'local',
  apiTarget: 'http://127.0.0.1:4010',
  userId: 'local',
  appId: 'main',
  authenticated: false,
};
const nodes = [
  { id: 'ocr', model: { id: 'ocr-tesseract-english', model_type_id: 'optical-character-recognizer' } },
  {
    id: 'translate-spa',
    model: { id: 'text-translation-english-spanish', model_type_id: 'text-to-text' },
    node_inputs: [{ node_id: 'ocr' }],
  },
];
const spanish = ['cero', 'uno', 'dos'];

function frameLine(k: number) {
  return {
    frame: {
      input_index: 0,
      frame_info: { index: k, time: k * 500 + 250 },
      outputs: [
        {
          id: 'out-ocr',
          model: nodes[0]?.model,
          data: {
            text: { raw: String(k) },
            regions: [
              {
                region_info: {
                  bounding_box: { top_row: 0.2, left_col: 0.3, bottom_row: 0.8, right_col: 0.7 },
                },
                data: { text: { raw: String(k) } },
              },
            ],
          },
        },
        { id: 'out-spa', model: nodes[1]?.model, data: { text: { raw: spanish[k] } } },
      ],
    },
  };
}

function finalLine() {
  const frames = (j: number) =>
    [0, 1, 2].map((k) => {
      const { frame } = frameLine(k);
      return { frame_info: frame.frame_info, data: frame.outputs[j]?.data };
    });
  return {
    response: {
      status: OK,
      results: [
        {
          status: OK,
          input: { id: 'in', data: { video: { base64: 'dHJ1ZQ==' } } },
          outputs: [
            { id: 'out-ocr', status: OK, model: nodes[0]?.model, data: { frames: frames(0) } },
            { id: 'out-spa', status: OK, model: nodes[1]?.model, data: { frames: frames(1) } },
          ],
        },
      ],
    },
  };
}

function engine(stream: LineStream) {
  return (call: ApiCall): Response => {
    switch (`${call.method} ${call.path}`) {
      case 'GET /__lens/config':
        return Response.json(config);
      case `GET ${base}/workflows`:
        return clarifaiJson({ status: OK, workflows: [{ id: 'Video-OCR' }] });
      case `GET ${base}/workflows/Video-OCR`:
        return clarifaiJson({ status: OK, workflow: { id: 'Video-OCR', nodes } });
      case `GET ${base}/workflows/Video-OCR/versions`:
        return clarifaiJson({
          status: OK,
          workflow_versions: [{ id: 'v2', created_at: '2025-04-15T10:00:00Z', nodes }],
        });
      case `POST ${base}/workflows/Video-OCR/versions/v2/results`:
        return stream.response;
      default:
        return clarifaiJson({ status: { code: 11101, description: 'Resource does not exist' } }, 404);
    }
  };
}

describe('a video through the page', () => {
  beforeEach(() => {
    window.history.replaceState(null, '', '/');
    stubObjectUrls();
    // jsdom plays no video; a browser does.
    vi.spyOn(HTMLMediaElement.prototype, 'canPlayType').mockReturnValue('maybe');
    vi.spyOn(HTMLMediaElement.prototype, 'pause').mockImplementation(() => undefined);
  });

  it('draws the frames of a streamed answer as they arrive, before its last line', async () => {
    const stream = ndjsonStream();
    const calls = mockApi(engine(stream));
    const { user } = renderWithClient(<OverviewPage />);
    await user.click(await screen.findByRole('button', { name: 'Try your own image or video' }));
    const dialog = screen.getByRole('dialog', { name: 'Try your own image or video' });
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Choose a file' })).toBeEnabled());
    const clip = new File([new Uint8Array([0, 0, 0, 24])], 'digits.mp4', { type: 'video/mp4' });
    await user.upload(within(dialog).getByLabelText('Choose a file'), clip);
    await user.click(within(dialog).getByRole('button', { name: '500 ms' }));
    await user.click(within(dialog).getByRole('button', { name: 'Run video' }));
    await waitFor(() => expect(calls.some((call) => call.method === 'POST')).toBe(true));
    expect(calls.find((call) => call.method === 'POST')?.body).toMatchObject({
      output_config: { sample_ms: 500 },
    });

    stream.send({ progress: { stage: 'frames', done: 0, total: 3 } });
    stream.send(frameLine(0));
    stream.send(frameLine(1));
    stream.send({ progress: { stage: 'frames', done: 2, total: 3 } });

    // Two frames in, the last line not sent: the results already show them, on the video.
    const ocr = await screen.findByRole('region', { name: 'ocr' });
    const timeline = await within(ocr).findByRole('slider', { name: 'Timeline' });
    await waitFor(() => expect(timeline).toHaveAttribute('data-frame-count', '2'));
    expect(screen.getByText(/^Running: the frames answered so far are shown/)).toHaveAttribute(
      'role',
      'status',
    );
    expect(within(ocr).getByLabelText('Input video')).toHaveAttribute('src', 'blob:test/1');
    // The modal stepped aside for the frames; the progress goes on beside the + button.
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: 'Processing frames' })).toHaveAttribute(
      'aria-valuenow',
      '67',
    );

    // Stepping in one node's player moves the other's, which shows its text for that frame.
    timeline.focus();
    await user.keyboard('{ArrowRight}');
    const spa = screen.getByRole('region', { name: 'translate-spa' });
    expect(within(spa).getByRole('heading', { name: 'Frame 1 at 0.75 s' })).toBeInTheDocument();
    expect(within(spa).getByText('uno')).toBeInTheDocument();

    stream.send(frameLine(2));
    stream.send(finalLine());
    stream.end();
    await waitFor(() => expect(screen.queryByText(/^Running:/)).not.toBeInTheDocument());
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Stop' })).not.toBeInTheDocument();
    const final = within(screen.getByRole('region', { name: 'ocr' })).getByRole('slider', {
      name: 'Timeline',
    });
    expect(final).toHaveAttribute('data-frame-count', '3');
    // The frame on screen is kept from the partial answer to the final one.
    expect(final).toHaveAttribute('aria-valuetext', 'Frame 1 at 0.75 s: 1');
  });
});
