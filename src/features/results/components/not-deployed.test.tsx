import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import type { WorkflowNode } from '@contract/clarifai';
import type { PredictResponse } from '@/lib/predict-response';
import { ResultsPane } from '@/features/results/components/results-pane';
import { renderWithClient } from '@/test/render';

const OK = { code: 10000, description: 'Ok' };
const details =
  'no text generation model runs offline: set LLM_BASE_URL to an OpenAI-compatible API (e.g. https://api.openai.com/v1) and LLM_API_KEY if it needs a key, then restart the engine';

const nodes: WorkflowNode[] = [
  { id: 'prompt-language', model: { id: 'language-id-fasttext', model_type_id: 'text-classifier' } },
  { id: 'llm', model: { id: 'openai-compatible-chat', model_type_id: 'text-to-text' } },
];

const response: PredictResponse = {
  status: { code: 10010, description: 'Mixed Success' },
  results: [
    {
      status: { code: 10010, description: 'Mixed Success' },
      input: { id: 'in', data: { text: { raw: 'Write a haiku about trains' } } },
      outputs: [
        {
          status: OK,
          model: { id: 'language-id-fasttext' },
          data: { concepts: [{ id: 'en', name: 'en', value: 0.97 }] },
        },
        {
          status: { code: 21353, description: 'Model is not deployed', details },
          model: { id: 'openai-compatible-chat' },
          // The engine sends an empty data beside the status.
          data: {},
        },
      ],
    },
  ],
};

describe('a node whose model is not deployed', () => {
  it('shows a "Model not deployed" card with how to set it up, beside the other nodes’ answers', () => {
    renderWithClient(<ResultsPane response={response} nodes={nodes} />);
    const llm = screen.getByRole('region', { name: 'llm' });
    const card = within(llm).getByRole('note', { name: 'Model not deployed' });
    expect(card).toHaveTextContent('This node’s model is not set up where the API runs');
    expect(card).toHaveTextContent(details);
    expect(within(card).getByText('LLM_BASE_URL').tagName).toBe('CODE');
    // Not a red failure, and not an empty "No data" section.
    expect(within(llm).queryByRole('alert')).not.toBeInTheDocument();
    expect(within(llm).queryByText('No data in this output.')).not.toBeInTheDocument();
    expect(screen.getByRole('meter', { name: 'en' })).toBeInTheDocument();
    // The input text is shown as given.
    expect(screen.getByText('Write a haiku about trains', { selector: 'blockquote' })).toBeInTheDocument();
  });
});
