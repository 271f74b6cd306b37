import { test as base, expect, type Locator, type Page } from '@playwright/test';

/** The overview page, driven the way a person would: by roles and names. */
export class LensPage {
  constructor(readonly page: Page) {}

  async open(workflowId: string) {
    await this.page.goto('/');
    await this.page.getByRole('combobox', { name: 'Workflow' }).selectOption(workflowId);
    await expect(this.versionPicker.locator('option')).not.toHaveCount(0);
  }

  get versionPicker(): Locator {
    return this.page.getByRole('combobox', { name: 'Version' });
  }

  get tryButton(): Locator {
    return this.page.getByRole('button', { name: 'Try your own image or video' });
  }

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Try your own image or video' });
  }

  /** The results section of one workflow node (headed by its node id). */
  node(nodeId: string): Locator {
    return this.page.getByRole('region', { name: nodeId, exact: true });
  }

  async pickFile(file: { name: string; mimeType: string; buffer: Buffer }) {
    await this.tryButton.click();
    await expect(this.dialog).toBeVisible();
    await this.dialog.getByLabel('Choose a file').setInputFiles(file);
  }

  /** Types a text in the modal's Text tab (one input per line if asked) and runs it. */
  async runText(text: string, { perLine = false } = {}) {
    await this.tryButton.click();
    await this.dialog.getByRole('tab', { name: 'Text' }).click();
    await this.dialog.getByRole('textbox', { name: 'Text' }).fill(text);
    if (perLine) await this.dialog.getByRole('checkbox', { name: 'One input per line' }).check();
    await this.dialog.getByRole('button', { name: 'Run' }).click();
    await expect(this.dialog).toBeHidden();
  }

  /** Picks an audio file (a path) in the modal's Audio tab; it runs at once. */
  async runAudioFile(file: string) {
    await this.tryButton.click();
    await this.dialog.getByRole('tab', { name: 'Audio' }).click();
    await this.dialog.getByLabel('Choose an audio file').setInputFiles(file);
    await expect(this.dialog).toBeHidden({ timeout: 30_000 });
  }

  /** Drops a file on the modal's dropzone with a real DataTransfer, as a drag from the desktop does. */
  async dropFile(file: { name: string; mimeType: string; buffer: Buffer }) {
    await this.tryButton.click();
    const zone = this.dialog.getByRole('group', { name: 'Drop an image or video here' });
    await expect(zone).toBeVisible();
    const dataTransfer = await this.page.evaluateHandle(
      ({ base64, name, type }) => {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const transfer = new DataTransfer();
        transfer.items.add(new File([bytes], name, { type }));
        return transfer;
      },
      { base64: file.buffer.toString('base64'), name: file.name, type: file.mimeType },
    );
    await zone.dispatchEvent('dragenter', { dataTransfer });
    await zone.dispatchEvent('dragover', { dataTransfer });
    await zone.dispatchEvent('drop', { dataTransfer });
  }
}

export const test = base.extend<{ lens: LensPage }>({
  lens: async ({ page }, use) => {
    // Any error the app logs fails the test: a broken render must not pass quietly.
    const errors: string[] = [];
    page.on('console', (message) => {
      // Chromium itself logs every non-2xx response; an API error the page shows is not a page error.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
        errors.push(message.text());
      }
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await use(new LensPage(page));
    expect(errors, 'console errors').toEqual([]);
  },
});

export { expect };
