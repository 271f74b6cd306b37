/** Saving something the page made (a PNG, a JSON file) as a download, without a server. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; a minute is plenty.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function downloadJson(value: unknown, fileName: string): void {
  downloadBlob(new Blob([`${JSON.stringify(value, null, 2)}\n`], { type: 'application/json' }), fileName);
}

/** A file name from free text (a node id, a model id): letters, digits, dots, dashes. */
export function safeFileName(name: string, extension: string): string {
  const stem = name.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '') || 'output';
  return `${stem}.${extension}`;
}
