import { beforeEach, describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import type { WorkflowNode } from '@contract/clarifai';
import type { PredictResponse } from '@/lib/predict-response';
import type { GivenInput } from '@/lib/given-input';
import { ResultsPane } from '@/features/results/components/results-pane';
import { renderWithClient } from '@/test/render';

const OK = { code: 10000, description: 'Ok' };
const nodes: WorkflowNode[] = [
  { id: 'classify', model: { id: 'general', model_type_id: 'visual-classifier' } },
];

/** Twelve inputs: ten images, a text, an audio; the eighth could not be decoded. */
const given: GivenInput[] = Array.from({ length: 12 }, (_, i) =>
  i === 10
    ? { text: 'The quick brown fox jumps over the lazy dog, twice over' }
    : i === 11
      ? { media: { kind: 'audio', url: 'blob:t/audio', name: 'talk.wav' } }
      : { media: { kind: 'image', url: `blob:t/${i}`, name: `photo-${i + 1}.jpg` } },
);

const response: PredictResponse = {
  status: { code: 10010, description: 'Mixed Success' },
  results: given.map((_, i) =>
    i === 7
      ? {
          status: {
            code: 30300,
            description: 'Input could not be decoded',
            details: 'photo-8.jpg is not an image',
          },
          input: { id: `in-${i}`, data: { image: { base64: 'dHJ1ZQ==' } } },
          outputs: [],
        }
      : {
          status: OK,
          input: {
            id: `in-${i}`,
            data: i === 10 ? { text: { raw: given[10]!.text! } } : { image: { base64: 'dHJ1ZQ==' } },
          },
          outputs: [
            {
              status: OK,
              model: { id: 'general' },
              data: { concepts: [{ id: `c${i}`, name: `thing-${i + 1}`, value: 0.9 }] },
            },
          ],
        },
  ),
};

function inputsList() {
  return screen.getByRole('list', { name: 'Inputs' });
}

describe('a batch of inputs', () => {
  beforeEach(() => {
    window.history.replaceState(null, '', '/');
  });

  it('lists every input with a thumbnail, a name or first words, and its status; the first is shown', () => {
    renderWithClient(<ResultsPane response={response} nodes={nodes} given={given} />);
    const items = within(inputsList()).getAllByRole('listitem');
    expect(items).toHaveLength(12);
    const buttons = within(inputsList()).getAllByRole('button');
    expect(buttons[0]).toHaveAccessibleName('Input 1: photo-1.jpg, Ok');
    expect(buttons[0]).toHaveAttribute('aria-current', 'true');
    expect(buttons[0]!.querySelector('img')).toHaveAttribute('src', 'blob:t/0');
    expect(buttons[7]).toHaveAccessibleName('Input 8: photo-8.jpg, Input could not be decoded (30300)');
    expect(buttons[10]).toHaveAccessibleName('Input 11: The quick brown fox jumps over the lazy…, Ok');
    expect(buttons[11]).toHaveAccessibleName('Input 12: talk.wav, Ok');

    // Only the picked input's outputs are on the page.
    expect(screen.getAllByRole('region', { name: 'classify' })).toHaveLength(1);
    expect(screen.getByRole('meter', { name: 'thing-1' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Input 1' })).toBeInTheDocument();
  });

  it('shows an input’s outputs when it is picked', async () => {
    const { user } = renderWithClient(<ResultsPane response={response} nodes={nodes} given={given} />);
    const fifth = within(inputsList()).getByRole('button', { name: /^Input 5:/ });
    await user.click(fifth);
    expect(fifth).toHaveAttribute('aria-current', 'true');
    expect(within(inputsList()).getByRole('button', { name: /^Input 1:/ })).not.toHaveAttribute(
      'aria-current',
    );
    expect(screen.getByRole('heading', { name: 'Input 5' })).toBeInTheDocument();
    expect(screen.getByRole('meter', { name: 'thing-5' })).toBeInTheDocument();
    expect(screen.queryByRole('meter', { name: 'thing-1' })).not.toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'Input: photo-5.jpg' })).toHaveAttribute('src', 'blob:t/4');

    await user.click(within(inputsList()).getByRole('button', { name: /^Input 11:/ }));
    expect(screen.getByRole('meter', { name: 'thing-11' })).toBeInTheDocument();
    expect(
      screen.getByText(/The quick brown fox jumps over the lazy dog/, { selector: 'blockquote' }),
    ).toBeInTheDocument();

    await user.click(within(inputsList()).getByRole('button', { name: /^Input 12:/ }));
    expect(screen.getByLabelText('Input audio')).toHaveAttribute('src', 'blob:t/audio');
  });

  it('shows a failed input’s own error while the others keep their results', async () => {
    const { user } = renderWithClient(<ResultsPane response={response} nodes={nodes} given={given} />);
    await user.click(within(inputsList()).getByRole('button', { name: /^Input 8:/ }));
    expect(screen.getByRole('alert')).toHaveTextContent(
      'This input failed: Input could not be decoded (code 30300)',
    );
    expect(screen.getByRole('alert')).toHaveTextContent('photo-8.jpg is not an image');
    expect(screen.getByText('No outputs: the input failed.')).toBeInTheDocument();

    await user.click(within(inputsList()).getByRole('button', { name: /^Input 9:/ }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByRole('meter', { name: 'thing-9' })).toBeInTheDocument();
  });

  it('keeps the pick while the same inputs’ answer is redrawn, and starts again for a new run', async () => {
    const { user, rerender, queryClient } = renderWithClient(
      <ResultsPane response={response} nodes={nodes} given={given} />,
    );
    // Re-rendered inside the same provider, so the pane stays mounted as it does on the page.
    const redraw = (answer: PredictResponse) =>
      rerender(
        <QueryClientProvider client={queryClient}>
          <ResultsPane response={answer} nodes={nodes} given={given} />
        </QueryClientProvider>,
      );
    await user.click(within(inputsList()).getByRole('button', { name: /^Input 5:/ }));
    redraw({ ...response });
    expect(within(inputsList()).getByRole('button', { name: /^Input 5:/ })).toHaveAttribute(
      'aria-current',
      'true',
    );

    const rerun: PredictResponse = {
      ...response,
      results: response.results!.map((result, i) => ({
        ...result,
        input: { id: `run2-${i}`, data: result.input!.data },
      })),
    };
    redraw(rerun);
    expect(within(inputsList()).getByRole('button', { name: /^Input 1:/ })).toHaveAttribute(
      'aria-current',
      'true',
    );
  });

  it('keeps today’s layout for a single input: no list', () => {
    const single: PredictResponse = { status: OK, results: [response.results![0]!] };
    renderWithClient(<ResultsPane response={single} nodes={nodes} given={given.slice(0, 1)} />);
    expect(screen.queryByRole('list', { name: 'Inputs' })).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Input' })).toBeInTheDocument();
  });
});
