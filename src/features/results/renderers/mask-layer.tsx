/**
 * Segmentation masks over the input: one canvas per region, the input's natural size and
 * `object-fit: contain` like the picture below it, filled with the class colour where the mask
 * is non-zero. A canvas (rather than an SVG or CSS mask) because masks come both as 8-bit grey
 * PNGs and as RGBA PNGs, and only reading the pixels tells which rule applies (`lib/mask.ts`).
 */
import { memo, useCallback, useEffect, useState } from 'react';
import type { Size } from '@/lib/geometry';
import { paintMask } from '@/features/results/lib/mask-raster';
import type { SceneMask } from '@/features/results/lib/scene';

export function MaskLayer({
  masks,
  size,
  opacity,
  focusClass,
}: {
  masks: readonly SceneMask[];
  size: Size;
  opacity: number;
  focusClass: string | null;
}) {
  const [drawn, setDrawn] = useState<ReadonlySet<string>>(() => new Set());
  const [failed, setFailed] = useState<string | null>(null);
  // Stable, so the memoised canvases do not repaint on every render of the layer.
  const onDrawn = useCallback(
    (key: string) => setDrawn((previous) => (previous.has(key) ? previous : new Set(previous).add(key))),
    [],
  );
  if (masks.length === 0) return null;
  const rendered = masks.every((mask) => drawn.has(maskKey(mask)));
  return (
    <div
      role="img"
      aria-label="Segmentation masks"
      data-rendered={rendered ? 'true' : 'false'}
      className="pointer-events-none absolute inset-0"
      style={{ opacity }}
    >
      {masks.map((mask) => (
        <MaskCanvas
          key={mask.index}
          mask={mask}
          size={size}
          dimmed={focusClass !== null && focusClass !== mask.classKey}
          onDrawn={onDrawn}
          onFailed={setFailed}
        />
      ))}
      {failed ? <span className="sr-only">A mask could not be drawn: {failed}</span> : null}
    </div>
  );
}

/** Index and source: two regions may share a mask file, and a region's mask may be replaced. */
const maskKey = (mask: SceneMask) => `${mask.index}:${mask.src}`;

const MaskCanvas = memo(function MaskCanvas({
  mask,
  size,
  dimmed,
  onDrawn,
  onFailed,
}: {
  mask: SceneMask;
  size: Size;
  dimmed: boolean;
  onDrawn: (key: string) => void;
  onFailed: (message: string) => void;
}) {
  const [canvas, setCanvas] = useState<HTMLCanvasElement | null>(null);
  const [picture, setPicture] = useState<HTMLImageElement | null>(null);
  const key = maskKey(mask);
  const { color } = mask;

  // Repaint when the picture arrives, or its colour or the input size changes.
  useEffect(() => {
    if (!canvas || !picture) return;
    try {
      paintMask(canvas, picture, color, size);
      onDrawn(key);
    } catch (error) {
      onFailed(error instanceof Error ? error.message : String(error));
    }
  }, [canvas, picture, color, key, size, onDrawn, onFailed]);

  return (
    <>
      {/* The mask file itself, decoded by the browser and read back through the canvas. */}
      <img
        src={mask.src}
        alt=""
        hidden
        onLoad={(event) => setPicture(event.currentTarget)}
        onError={() => onFailed('the mask image is not a picture')}
      />
      <canvas
        ref={setCanvas}
        width={size.width}
        height={size.height}
        data-class={mask.classKey}
        className="absolute inset-0 size-full object-contain transition-opacity"
        style={{ opacity: dimmed ? 0.2 : 1 }}
      />
    </>
  );
});
