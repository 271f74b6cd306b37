import { describe, expect, it } from 'vitest';
import { pageToData, type OcrPage } from './regions';

const word = (text: string, x0: number, x1: number) => ({
  text,
  confidence: 90,
  bbox: { x0, y0: 10, x1, y1: 30 },
});
const page: OcrPage = {
  blocks: [
    {
      paragraphs: [
        {
          lines: [
            {
              text: 'HELLO WORLD\n',
              confidence: 95,
              bbox: { x0: 0, y0: 10, x1: 100, y1: 30 },
              words: [word('HELLO', 0, 45), word('WORLD', 55, 100)],
            },
            { text: ' \n', confidence: 10, bbox: { x0: 0, y0: 40, x1: 5, y1: 45 }, words: [] },
          ],
        },
      ],
    },
  ],
};
let counter = 0;
const ids = () => `r${++counter}`;

describe('pageToData', () => {
  it('makes one region per line, boxes as fractions of the image, and joins the lines', () => {
    const data = pageToData(page, { width: 200, height: 100 }, 'line', ids);
    expect(data.text?.raw).toBe('HELLO WORLD');
    expect(data.regions).toHaveLength(1);
    expect(data.regions?.[0]).toMatchObject({
      value: 0.95,
      region_info: { bounding_box: { top_row: 0.1, left_col: 0, bottom_row: 0.3, right_col: 0.5 } },
      data: { text: { raw: 'HELLO WORLD' } },
    });
  });

  it('makes one region per word at word granularity, still joining lines for text.raw', () => {
    const data = pageToData(page, { width: 200, height: 100 }, 'word', ids);
    expect(data.regions?.map((r) => r.data?.text?.raw)).toEqual(['HELLO', 'WORLD']);
    expect(data.regions?.[1]?.region_info?.bounding_box).toMatchObject({ left_col: 0.275, right_col: 0.5 });
    expect(data.text?.raw).toBe('HELLO WORLD');
  });

  it('answers empty text for a page with nothing on it', () => {
    expect(pageToData({ blocks: null }, { width: 1, height: 1 }, 'line', ids)).toEqual({
      regions: [],
      text: { raw: '' },
    });
  });
});
