import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { SampleInputs } from '@/features/recent-inputs/components/sample-inputs';
import { SAMPLES, sampleFile, samplesFor } from '@/features/recent-inputs/samples';

describe('SampleInputs', () => {
  it('offers every sample when no workflow is chosen, and hands the picked one back', async () => {
    const user = userEvent.setup();
    const onSample = vi.fn();
    render(<SampleInputs onSample={onSample} />);
    const section = screen.getByRole('region', { name: 'Or try a sample' });
    const buttons = within(section).getAllByRole('button');
    expect(buttons).toHaveLength(SAMPLES.length);
    await user.click(within(section).getByRole('button', { name: 'Sign: “OPEN DAILY / CAFE”' }));
    expect(onSample).toHaveBeenCalledWith(
      expect.objectContaining({ id: 'sign', kind: 'image', url: '/samples/sign.png' }),
    );
  });

  it('offers the samples that suit the workflow', () => {
    render(<SampleInputs onSample={vi.fn()} workflowId="asr-sentiment" />);
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['Speech: a spoken sentence']);
  });

  it('can be disabled while a run is on', () => {
    render(<SampleInputs onSample={vi.fn()} disabled />);
    for (const button of screen.getAllByRole('button')) expect(button).toBeDisabled();
  });
});

describe('samples', () => {
  it('fall back to all samples for a workflow none suits', () => {
    expect(samplesFor('no-such-workflow')).toEqual(SAMPLES);
    expect(samplesFor('text-classifier').map((s) => s.id)).toEqual(['sentence']);
  });

  it('load a media sample as a named, typed file, and say what failed when it is missing', async () => {
    const sign = SAMPLES.find((s) => s.id === 'sign')!;
    vi.stubGlobal('fetch', async (url: string) =>
      url === sign.url ? new Response(new Uint8Array([1, 2, 3])) : new Response('', { status: 404 }),
    );
    const file = await sampleFile(sign);
    expect(file.name).toBe('sign.png');
    expect(file.type).toBe('image/png');
    expect(file.size).toBe(3);
    await expect(sampleFile({ ...sign, url: '/samples/gone.png' })).rejects.toThrow(/HTTP 404/);
    vi.unstubAllGlobals();
  });
});
