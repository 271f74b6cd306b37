/**
 * Every recorded Clarifai answer in shared/clarifai-examples/rest-json must render without a
 * renderer failing. The files sit beside the repository (`../shared`), as in CI.
 */
import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { PredictResponse } from '@/lib/predict-response';
import { ResultsPane } from '@/features/results/components/results-pane';
import { renderWithClient } from '@/test/render';

// Resolved from this file: src/features/results → the repository root → ../shared.
const recorded = import.meta.glob<unknown>('../../../../shared/clarifai-examples/rest-json/*.json', {
  eager: true,
  import: 'default',
});
const files = Object.entries(recorded).map(([file, json]) => ({ name: file.split('/').pop() ?? file, json }));

/** Concept names a person should see for each file (the top one of the first output or frame). */
const expectedText: Record<string, string[]> = {
  'workflow-predict-response.json': ['safe', 'train', 'railway'],
  'rest-outputs.json': ['train', 'railway'],
  'video-predict-response.json': ['drink', 'glass'],
  'video-predict-bytes-response.json': ['window', 'people'],
};

const expectedFrames: Record<string, number> = {
  'video-predict-response.json': 9,
  'video-predict-bytes-response.json': 1,
};

describe('recorded Clarifai responses', () => {
  it('finds the recorded files beside the repository', () => {
    expect(files.map((f) => f.name).sort()).toEqual(expect.arrayContaining(Object.keys(expectedText).sort()));
  });

  it.each(files)('renders $name with no renderer failing', ({ name, json }) => {
    const response = PredictResponse.parse(json);
    renderWithClient(<ResultsPane response={response} />);

    expect(document.querySelector('[data-renderer-error]')).toBeNull();
    const sections = screen.getAllByRole('region');
    expect(sections.length).toBeGreaterThan(0);
    for (const text of expectedText[name] ?? []) {
      expect(screen.getAllByRole('meter', { name: text }).length).toBeGreaterThan(0);
    }
    const frameCount = expectedFrames[name];
    if (frameCount !== undefined) {
      const frames = within(sections[0]!).getByRole('list', { name: 'Frames' });
      expect(within(frames).getAllByRole('listitem', { name: /^Frame \d+ at / })).toHaveLength(frameCount);
    }
  });
});
