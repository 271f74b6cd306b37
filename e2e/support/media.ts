import sharp from 'sharp';

const escapeXml = (text: string) =>
  text.replace(
    /[<>&'"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] ?? c,
  );

/** A sign: black capitals on white, one line per entry, large enough for OCR to read exactly. */
export async function renderSign(lines: readonly string[], { width = 900, lineHeight = 110 } = {}) {
  const height = lineHeight * lines.length + 80;
  const text = lines
    .map(
      (line, i) =>
        `<text x="40" y="${70 + lineHeight * i + 50}" font-family="DejaVu Sans" font-weight="bold" font-size="64">${escapeXml(line)}</text>`,
    )
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#fff"/>${text}</svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}
