/**
 * Every recorded Clarifai answer must render without a renderer failing: the REST JSON files in
 * shared/clarifai-examples/rest-json (beside the repository, `../shared`, as in CI) and the gRPC
 * recordings converted to JSON by scripts/pbtxt-to-json.ts (src/test/fixtures/clarifai).
 */
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { PredictResponse } from '@/lib/predict-response';
import { ResultsPane } from '@/features/results/components/results-pane';
import { renderWithClient } from '@/test/render';

// Resolved from this file: src/features/results → the repository root → ../shared.
const recorded = import.meta.glob<unknown>('../../../../shared/clarifai-examples/rest-json/*.json', {
  eager: true,
  import: 'default',
});
const converted = import.meta.glob<unknown>('../../test/fixtures/clarifai/*.json', {
  eager: true,
  import: 'default',
});
const files = [...Object.entries(recorded), ...Object.entries(converted)].map(([file, json]) => ({
  name: file.split('/').pop() ?? file,
  json,
}));

/** Concept names a person should see for each file (the top one of the first output or frame). */
const expectedText: Record<string, string[]> = {
  'workflow-predict-response.json': ['safe', 'train', 'railway'],
  'rest-outputs.json': ['train', 'railway'],
  'video-predict-response.json': ['drink', 'glass'],
  'video-predict-bytes-response.json': ['window', 'people'],
  // gRPC recordings (converted)
  'example_workflow_predict.json': ['wine', 'train', 'railway'],
  'example_workflow_predict_audio.json': ['LABEL_0'],
  'example_workflow_predict_images.json': [],
  'example_workflow_predict_text.json': [],
};

/** Text a person should see for each converted recording, beyond concept bars. */
const expectedContent: Record<string, (RegExp | string)[]> = {
  'example_workflow_predict_audio.json': ['I AM NOT FLYING TO ENGLAND'],
  'example_workflow_predict_text.json': [
    'Embedding · 768 dimensions',
    'This response holds 26 of the 768 values.',
    '9_17',
  ],
};

const expectedFrames: Record<string, number> = {
  'video-predict-response.json': 9,
  'video-predict-bytes-response.json': 1,
};

describe('recorded Clarifai responses', () => {
  it('finds the recorded files beside the repository and the converted ones', () => {
    expect(files.map((f) => f.name).sort()).toEqual(Object.keys(expectedText).sort());
  });

  it.each(files)('renders $name with no renderer failing', async ({ name, json }) => {
    const response = PredictResponse.parse(json);
    renderWithClient(<ResultsPane response={response} />);
    // The heavier renderers load on demand: wait for every one before looking.
    await waitFor(() => expect(document.querySelector('[data-renderer-loading]')).toBeNull());

    expect(document.querySelector('[data-renderer-error]')).toBeNull();
    const sections = screen.getAllByRole('region');
    expect(sections.length).toBeGreaterThan(0);
    for (const text of expectedText[name] ?? []) {
      expect(screen.getAllByRole('meter', { name: text }).length).toBeGreaterThan(0);
    }
    for (const text of expectedContent[name] ?? []) {
      expect(screen.getAllByText(text).length).toBeGreaterThan(0);
    }
    const frameCount = expectedFrames[name];
    if (frameCount !== undefined) {
      const frames = within(sections[0]!).getByRole('list', { name: 'Frames' });
      expect(within(frames).getAllByRole('listitem', { name: /^Frame \d+ at / })).toHaveLength(frameCount);
    }
  });

  it('shows Face-Sentiment’s emotions inside the face regions, with the crop, and as the box label', () => {
    const json = files.find((f) => f.name === 'example_workflow_predict_images.json')?.json;
    renderWithClient(<ResultsPane response={PredictResponse.parse(json)} />);

    // Detector, crop and classifier each get a section, named by model (the recording has no nodes).
    const sentiment = screen.getByRole('region', { name: 'face-sentiment-recognition' });
    const row = within(within(sentiment).getByRole('list', { name: 'Regions' })).getByRole('listitem');
    expect(row).toHaveTextContent(/^happiness 100\.0%/);
    expect(row).toHaveTextContent('disgust <0.1%');
    // The classifier's region does not repeat the crop: it comes from the crop node's region (same id).
    expect(within(row).getByRole('img', { name: 'Crop of region 1' })).toHaveAttribute(
      'src',
      expect.stringMatching(/^data:image\/jpeg;base64,\/9j\//),
    );

    const input = within(sentiment).getByRole('img', { name: 'Input image' });
    expect(input).toHaveAttribute('src', 'https://samples.clarifai.com/celebrity.jpeg');
    Object.defineProperty(input, 'naturalWidth', { configurable: true, value: 698 });
    Object.defineProperty(input, 'naturalHeight', { configurable: true, value: 500 });
    fireEvent.load(input);
    const boxes = within(sentiment).getByRole('img', { name: 'Region boxes' });
    expect(boxes.querySelector('[aria-label^="Box "]')).toHaveAttribute(
      'aria-label',
      'Box 1: happiness 100.0%',
    );
    expect(within(sentiment).getByRole('checkbox', { name: 'happiness' })).toBeChecked();

    const crop = screen.getByRole('region', { name: 'margin-110-image-crop' });
    expect(within(crop).getByRole('img', { name: 'Crop of region 1' })).toBeInTheDocument();
    const detector = screen.getByRole('region', { name: 'face-detection' });
    expect(within(detector).getByRole('list', { name: 'Regions' })).toHaveTextContent(
      'BINARY_POSITIVE 100.0%',
    );
  });
});
