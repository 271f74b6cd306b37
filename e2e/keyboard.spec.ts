import { expect, test, type LensPage } from './support/lens';

/** Presses Tab until `target` has focus (and fails after `limit` presses): a keyboard user's way there. */
async function tabTo(lens: LensPage, target: ReturnType<LensPage['page']['getByRole']>, limit = 40) {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await lens.page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

test('keyboard only: from the landing page to a finished prediction, a version switch, and a reload that restores it', async ({
  lens,
}) => {
  const { page } = lens;
  await page.goto('/');
  const workflow = page.getByRole('combobox', { name: 'Workflow' });
  await tabTo(lens, workflow);
  // A focused native select takes its value from the keyboard: type the workflow's name.
  await page.keyboard.type('text-c');
  await expect(workflow).toHaveValue('text-classifier');
  const version = page.getByRole('combobox', { name: 'Version' });
  await expect(version.locator('option')).toHaveCount(2);

  // `?` lists the shortcuts; Escape closes the list and gives focus back.
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  // A header row, then the ten keys.
  await expect(help.getByRole('row')).toHaveCount(11);
  await expect(help.getByRole('row', { name: /Compare versions/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  // `[`: the older version (sentiment only); `+` opens the modal.
  await page.keyboard.press('[');
  await expect(version).toHaveValue('b7860d88d185bcdccdec0646c4ee3263');
  await page.keyboard.press('+');
  await expect(lens.dialog).toBeVisible();
  const textTab = lens.dialog.getByRole('tab', { name: 'Text' });
  await tabTo(lens, lens.dialog.getByRole('tab', { name: 'Image or video' }));
  await page.keyboard.press('ArrowRight');
  await expect(textTab).toBeFocused();
  await expect(textTab).toHaveAttribute('aria-selected', 'true');
  await tabTo(lens, lens.dialog.getByRole('textbox', { name: 'Text' }));
  await page.keyboard.type('What a wonderful, happy day!');
  await tabTo(lens, lens.dialog.getByRole('button', { name: 'Run' }));
  await page.keyboard.press('Enter');
  await expect(lens.dialog).toBeHidden();
  await expect(lens.node('sentiment').getByRole('meter').first()).toBeVisible();
  await expect(lens.node('language')).toHaveCount(0);

  // `]`: the newer version, and the same text again through the modal.
  await page.keyboard.press(']');
  await expect(version).toHaveValue('322a46021544abd0c1fc44dd0f78d590');
  await page.keyboard.press('+');
  await tabTo(lens, lens.dialog.getByRole('button', { name: 'Run' }));
  await page.keyboard.press('Enter');
  await expect(lens.dialog).toBeHidden();
  await expect(lens.node('language').getByRole('meter').first()).toBeVisible();

  // `j` shows every node's raw JSON.
  await page.keyboard.press('j');
  await expect(lens.node('language').locator('pre')).toContainText('"concepts"');

  // The address holds the screen: a reload runs the same text on the same version.
  await expect(page).toHaveURL(/input=stored%3A/);
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Version' })).toHaveValue('322a46021544abd0c1fc44dd0f78d590');
  await expect(lens.node('language').getByRole('meter').first()).toBeVisible({ timeout: 30_000 });
  await expect(lens.node('sentiment').getByRole('meter').first()).toBeVisible();
});
