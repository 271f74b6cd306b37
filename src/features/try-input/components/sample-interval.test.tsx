import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import { describeRate, parseSampleMs, SampleInterval } from '@/features/try-input/components/sample-interval';
import { renderWithClient } from '@/test/render';

function Harness({ onChange }: { onChange: (value: number) => void }) {
  const [value, setValue] = useState(1000);
  return (
    <SampleInterval
      value={value}
      onChange={(next) => {
        setValue(next);
        onChange(next);
      }}
    />
  );
}

describe('the sample interval', () => {
  it('takes a typed interval, or a preset, and says what it means', async () => {
    const onChange = vi.fn();
    const { user } = renderWithClient(<Harness onChange={onChange} />);
    const box = screen.getByRole('spinbutton', { name: 'Sample interval (ms)' });
    expect(box).toHaveValue(1000);
    expect(screen.getByRole('button', { name: '1000 ms' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByText(/1 frame a second/)).toBeInTheDocument();

    await user.clear(box);
    await user.type(box, '250');
    expect(onChange).toHaveBeenLastCalledWith(250);
    expect(screen.getByText(/4 frames a second/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: '2000 ms' }));
    expect(onChange).toHaveBeenLastCalledWith(2000);
    expect(box).toHaveValue(2000);
    expect(screen.getByRole('button', { name: '2000 ms' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByText(/1 frame every 2 s/)).toBeInTheDocument();
  });

  it('never hands on an interval out of range, and puts the last good one back on leaving', async () => {
    const onChange = vi.fn();
    const { user } = renderWithClient(<Harness onChange={onChange} />);
    const box = screen.getByRole('spinbutton', { name: 'Sample interval (ms)' });
    await user.clear(box);
    await user.type(box, '50');
    expect(box).toHaveAttribute('aria-invalid', 'true');
    expect(box).toHaveAccessibleDescription('A whole number of milliseconds from 100 to 60000.');
    expect(onChange).not.toHaveBeenCalledWith(50);
    await user.tab();
    expect(box).toHaveValue(1000);
    expect(box).not.toHaveAttribute('aria-invalid');
  });

  it('parses whole milliseconds from 100 to 60000', () => {
    expect(parseSampleMs('100')).toEqual({ ok: true, value: 100 });
    expect(parseSampleMs('60000')).toEqual({ ok: true, value: 60000 });
    for (const bad of ['', '99', '60001', '150.5', 'abc']) expect(parseSampleMs(bad).ok).toBe(false);
    expect(describeRate(100)).toBe('10 frames a second');
    expect(describeRate(60000)).toBe('1 frame every 60 s');
  });
});
