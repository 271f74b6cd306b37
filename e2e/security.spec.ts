import { expect, test } from './support/lens';

// The plain page: the blocked injection below logs a CSP report to the console, on purpose.
test('the built app is served with a policy that forbids inline script', async ({ page }) => {
  const response = await page.goto('/');
  const policy = response?.headers()['content-security-policy'] ?? '';
  const scriptSrc = policy
    .split(';')
    .map((d) => d.trim())
    .find((d) => d.startsWith('script-src'));
  expect(scriptSrc).toBe("script-src 'self'");

  // An inline script injected into the page does not run.
  const ran = await page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.__lensInjected = true;';
    document.body.append(script);
    await new Promise((resolve) => setTimeout(resolve, 100));
    return 'lensInjected' in window || Reflect.get(window, '__lensInjected') === true;
  });
  expect(ran).toBe(false);
});

test('text a person supplies is shown as text, never as markup', async ({ lens }) => {
  const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script><b>bold?</b>';
  await lens.open('text-classifier');
  await lens.tryButton.click();
  await lens.dialog.getByRole('tab', { name: 'Text' }).click();
  await lens.dialog.getByRole('textbox', { name: 'Text' }).fill(hostile);
  await lens.dialog.getByRole('button', { name: 'Run' }).click();
  await expect(lens.dialog).toBeHidden();
  await expect(lens.page.getByText(hostile, { exact: false }).first()).toBeVisible();
  expect(await lens.page.evaluate(() => Reflect.get(window, '__pwned'))).toBeUndefined();
  expect(await lens.page.locator('main b', { hasText: 'bold?' }).count()).toBe(0);
});
