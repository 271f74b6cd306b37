/**
 * A tiny display list for 2D canvas drawing. Annotations are first described as plain data (a
 * pure function of the output and the view state builds the list), then replayed onto a canvas.
 * Tests check the list, or replay it onto a recording fake context, without a real canvas.
 */
import type { Point, Rect } from '@/lib/geometry';

export type DrawCommand =
  /** A picture resolved by key at replay time (the input image, a tinted mask raster). */
  | { op: 'image'; source: string; x: number; y: number; width: number; height: number; alpha: number }
  | {
      op: 'strokeRect';
      x: number;
      y: number;
      width: number;
      height: number;
      color: string;
      lineWidth: number;
    }
  /** Many outlines in one colour as one path: thousands of boxes cost a handful of stroke calls. */
  | { op: 'strokeRects'; rects: readonly Rect[]; color: string; lineWidth: number; alpha: number }
  | { op: 'fillRect'; x: number; y: number; width: number; height: number; color: string; alpha: number }
  | { op: 'polygon'; points: readonly Point[]; color: string; fillAlpha: number; lineWidth: number }
  | { op: 'circle'; x: number; y: number; radius: number; color: string }
  | { op: 'text'; text: string; x: number; y: number; color: string; font: string };

/** The part of CanvasRenderingContext2D the replay uses; a recording fake implements the same. */
export type DrawContext = Pick<
  CanvasRenderingContext2D,
  | 'save'
  | 'restore'
  | 'drawImage'
  | 'strokeRect'
  | 'fillRect'
  | 'clearRect'
  | 'fillText'
  | 'beginPath'
  | 'moveTo'
  | 'lineTo'
  | 'closePath'
  | 'arc'
  | 'rect'
  | 'fill'
  | 'stroke'
  | 'globalAlpha'
  | 'fillStyle'
  | 'strokeStyle'
  | 'lineWidth'
  | 'font'
  | 'textBaseline'
>;

/**
 * Draws the commands in order. An image whose source is missing (a mask that failed to decode) is
 * skipped and reported, so the rest of the picture still comes out.
 */
export function replay(
  context: DrawContext,
  commands: readonly DrawCommand[],
  sources: (key: string) => CanvasImageSource | undefined,
): { missing: string[] } {
  const missing: string[] = [];
  for (const command of commands) {
    context.save();
    switch (command.op) {
      case 'image': {
        const source = sources(command.source);
        if (!source) {
          missing.push(command.source);
          break;
        }
        context.globalAlpha = command.alpha;
        context.drawImage(source, command.x, command.y, command.width, command.height);
        break;
      }
      case 'strokeRect':
        context.strokeStyle = command.color;
        context.lineWidth = command.lineWidth;
        context.strokeRect(command.x, command.y, command.width, command.height);
        break;
      case 'strokeRects':
        context.globalAlpha = command.alpha;
        context.strokeStyle = command.color;
        context.lineWidth = command.lineWidth;
        context.beginPath();
        for (const r of command.rects) context.rect(r.x, r.y, r.width, r.height);
        context.stroke();
        break;
      case 'fillRect':
        context.globalAlpha = command.alpha;
        context.fillStyle = command.color;
        context.fillRect(command.x, command.y, command.width, command.height);
        break;
      case 'polygon': {
        const [first, ...rest] = command.points;
        if (!first) break;
        context.beginPath();
        context.moveTo(first.x, first.y);
        for (const point of rest) context.lineTo(point.x, point.y);
        context.closePath();
        context.globalAlpha = command.fillAlpha;
        context.fillStyle = command.color;
        context.fill();
        context.globalAlpha = 1;
        context.strokeStyle = command.color;
        context.lineWidth = command.lineWidth;
        context.stroke();
        break;
      }
      case 'circle':
        context.beginPath();
        context.arc(command.x, command.y, command.radius, 0, Math.PI * 2);
        context.fillStyle = command.color;
        context.fill();
        break;
      case 'text':
        context.font = command.font;
        context.textBaseline = 'alphabetic';
        context.fillStyle = command.color;
        context.fillText(command.text, command.x, command.y);
        break;
    }
    context.restore();
  }
  return { missing };
}
