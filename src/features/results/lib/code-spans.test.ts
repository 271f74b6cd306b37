import { describe, expect, it } from 'vitest';
import { codeSpans } from '@/features/results/lib/code-spans';

describe('codeSpans', () => {
  it('marks environment variable names and backticked commands as code', () => {
    expect(codeSpans('set LLM_BASE_URL to an API and LLM_API_KEY if it needs a key')).toEqual([
      { text: 'set ', code: false },
      { text: 'LLM_BASE_URL', code: true },
      { text: ' to an API and ', code: false },
      { text: 'LLM_API_KEY', code: true },
      { text: ' if it needs a key', code: false },
    ]);
    expect(codeSpans('flite is not installed: run `apt-get install flite`')).toEqual([
      { text: 'flite is not installed: run ', code: false },
      { text: 'apt-get install flite', code: true },
    ]);
  });

  it('leaves ordinary capitals and plain text alone', () => {
    expect(codeSpans('OK, the API (HTTP) answered')).toEqual([
      { text: 'OK, the API (HTTP) answered', code: false },
    ]);
    expect(codeSpans('')).toEqual([]);
  });
});
