/** A waveform as draw commands: one bar per column, from its lowest to its highest sample. */
import type { DrawCommand } from '@/lib/draw-commands';
import type { Peak } from '@/features/results/lib/wav';

export function waveformCommands(
  peaks: readonly Peak[],
  size: { width: number; height: number },
  color: string,
): DrawCommand[] {
  if (peaks.length === 0) return [];
  const middle = size.height / 2;
  const columnWidth = size.width / peaks.length;
  const commands: DrawCommand[] = [
    // The silence line, so a silent clip still reads as a (flat) waveform.
    { op: 'fillRect', x: 0, y: Math.floor(middle), width: size.width, height: 1, color, alpha: 0.35 },
  ];
  peaks.forEach((peak, i) => {
    const top = middle - peak.max * middle;
    const bottom = middle - peak.min * middle;
    commands.push({
      op: 'fillRect',
      x: i * columnWidth,
      y: top,
      width: Math.max(1, columnWidth),
      height: Math.max(1, bottom - top),
      color,
      alpha: 1,
    });
  });
  return commands;
}
