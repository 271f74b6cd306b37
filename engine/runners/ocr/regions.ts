/** Tesseract's page layout → Clarifai OCR regions. Pure, so it is tested without tesseract. */
import type { Data, Region } from '../../../contract/clarifai';

export type Granularity = 'line' | 'word';

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
interface TextPiece {
  text: string;
  confidence: number;
  bbox: Box;
}
/** The part of tesseract.js's `Page` read here. */
export interface OcrPage {
  blocks: { paragraphs: { lines: (TextPiece & { words: TextPiece[] })[] }[] }[] | null;
}

export function pageToData(
  page: OcrPage,
  size: { width: number; height: number },
  granularity: Granularity,
  newId: () => string,
): Data {
  const lines = (page.blocks ?? []).flatMap((block) =>
    block.paragraphs.flatMap((paragraph) => paragraph.lines),
  );
  const keptLines = lines.filter((line) => line.text.trim() !== '');
  const pieces = granularity === 'line' ? keptLines : keptLines.flatMap((line) => line.words);
  const regions: Region[] = pieces
    .filter((piece) => piece.text.trim() !== '')
    .map((piece) => ({
      id: newId(),
      value: clamp01(piece.confidence / 100),
      region_info: { bounding_box: toBoundingBox(piece.bbox, size) },
      data: { text: { raw: piece.text.trim() } },
    }));
  return { regions, text: { raw: keptLines.map((line) => line.text.trim()).join('\n') } };
}

function toBoundingBox(box: Box, size: { width: number; height: number }) {
  return {
    top_row: clamp01(box.y0 / size.height),
    left_col: clamp01(box.x0 / size.width),
    bottom_row: clamp01(box.y1 / size.height),
    right_col: clamp01(box.x1 / size.width),
  };
}

function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}
