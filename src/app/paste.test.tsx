import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { OverviewPage } from '@/app/overview-page';
import { mockApi } from '@/test/mock-api';
import { ocrTranslateApi } from '@/test/ocr-translate-api';
import { renderWithClient } from '@/test/render';

/** A paste event as the browser sends it, with what the clipboard holds. */
function paste(target: Element, { text = '', files = [] as File[] } = {}) {
  const event = new Event('paste', { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'clipboardData', {
    value: { files, getData: (type: string) => (type === 'text/plain' ? text : '') },
  });
  fireEvent(target, event);
  return event;
}

describe('pasting anywhere on the page', () => {
  beforeEach(() => window.history.replaceState(null, '', '/?workflow=ocr-translate'));

  it('opens the modal with a pasted URL in its URL box', async () => {
    mockApi(ocrTranslateApi);
    renderWithClient(<OverviewPage />);
    await screen.findByRole('combobox', { name: 'Version' });
    const event = paste(document.body, { text: ' https://example.com/sign.png ' });
    expect(event.defaultPrevented).toBe(true);
    const dialog = await screen.findByRole('dialog', { name: 'Try your own image or video' });
    expect(within(dialog).getByRole('textbox', { name: 'Image or video URL' })).toHaveValue(
      'https://example.com/sign.png',
    );
  });

  it('runs a pasted image at once, and leaves pastes into fields and plain words alone', async () => {
    const calls = mockApi(ocrTranslateApi);
    renderWithClient(<OverviewPage />);
    await screen.findByRole('combobox', { name: 'Version' });
    expect(paste(document.body, { text: 'just some words' }).defaultPrevented).toBe(false);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    const image = new File([new Uint8Array([137, 80, 78, 71])], 'clip.png', { type: 'image/png' });
    paste(document.body, { files: [image] });
    await waitFor(() => expect(calls.some((call) => call.method === 'POST')).toBe(true));
    const post = calls.find((call) => call.method === 'POST');
    expect(JSON.stringify(post?.body)).toContain('"base64"');
  });
});
