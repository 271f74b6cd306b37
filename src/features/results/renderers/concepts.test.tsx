import { describe, expect, it } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/react';
import type { PredictResponse } from '@/lib/predict-response';
import { ResultsPane } from '@/features/results/components/results-pane';
import { renderWithClient } from '@/test/render';

const OK = { code: 10000, description: 'Ok' };
const concepts = [
  { id: 'c1', name: 'railway', value: 0.62 },
  { id: 'c2', name: 'train', value: 0.99 },
  { id: 'c3', name: 'rail station', value: 0.31 },
  { id: 'c4', name: 'sky', value: 0.12 },
];
const response: PredictResponse = {
  status: OK,
  results: [
    {
      status: OK,
      input: { id: 'in', data: {} },
      outputs: [{ status: OK, model: { id: 'general' }, data: { concepts } }],
    },
  ],
};

const meterNames = () => screen.queryAllByRole('meter').map((m) => m.getAttribute('aria-label'));

describe('concept bars', () => {
  it('expose each concept as a meter named by the concept, with its value as a percentage', () => {
    renderWithClient(<ResultsPane response={response} />);
    const train = screen.getByRole('meter', { name: 'train' });
    expect(train).toHaveAttribute('aria-valuenow', '0.99');
    expect(train).toHaveAttribute('aria-valuemin', '0');
    expect(train).toHaveAttribute('aria-valuemax', '1');
    expect(train).toHaveAttribute('aria-valuetext', '99.0%');
    // The visible percentage is there for the eye, not read a second time.
    expect(screen.getByText('99.0%')).toHaveAttribute('aria-hidden', 'true');
  });

  it('sorts by value and filters by name as a person types', async () => {
    const { user } = renderWithClient(<ResultsPane response={response} />);
    expect(meterNames()).toEqual(['train', 'railway', 'rail station', 'sky']);
    await user.type(screen.getByRole('searchbox', { name: 'Filter concepts' }), 'RAIL');
    expect(meterNames()).toEqual(['railway', 'rail station']);
    expect(screen.getByText('2 hidden by the threshold or filter')).toBeInTheDocument();
  });

  it('combines the filter with the threshold, and says when nothing is left', async () => {
    const { user } = renderWithClient(<ResultsPane response={response} />);
    const threshold = screen.getByRole('slider', { name: 'Threshold' });
    fireEvent.change(threshold, { target: { value: '0.5' } });
    expect(threshold).toHaveAttribute('aria-valuetext', '50.0%');
    expect(meterNames()).toEqual(['train', 'railway']);
    await user.type(screen.getByRole('searchbox', { name: 'Filter concepts' }), 'station');
    expect(meterNames()).toEqual([]);
    expect(
      within(screen.getByRole('region', { name: 'general' })).getByText(
        'No concept matching “station” at or above 50.0%.',
      ),
    ).toBeInTheDocument();
  });

  it('offers no mask control when there is no mask', () => {
    renderWithClient(<ResultsPane response={response} />);
    expect(screen.queryByRole('slider', { name: 'Mask opacity' })).toBeNull();
  });
});
