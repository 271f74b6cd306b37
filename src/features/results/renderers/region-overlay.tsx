/**
 * Boxes, masks and polygons drawn over the input: an <svg> in image pixels (viewBox = natural
 * size, `xMidYMid meet`) laid exactly over an `object-fit: contain` <img>/<video>, so both scale
 * the same way. Pointer position → box goes through the pure geometry functions.
 */
import { useId, useMemo, useState } from 'react';
import type * as React from 'react';
import type { Region } from '@contract/clarifai';
import { boxToPixels, clientToImage, hitTest, labelPlacement, type Rect, type Size } from '@/lib/geometry';
import { colorFor, textColorOn } from '@/lib/colors';
import { regionColorKey, regionLabel } from '@/features/results/renderers/region-label';
import { imageSrc } from '@/features/results/lib/media-source';
import type { BaseMedia } from '@/features/results/renderers/types';

const NOWHERE: Rect = { x: -1, y: -1, width: 0, height: 0 };
/** Above this many boxes, only the highlighted one keeps its label, or the picture drowns in text. */
const MAX_LABELS = 40;

export function RegionOverlay({
  media,
  regions,
  highlighted,
  onHighlight,
  compact,
}: {
  media: BaseMedia;
  regions: readonly Region[];
  highlighted: number | null;
  onHighlight: (index: number | null) => void;
  compact: boolean;
}) {
  const [natural, setNatural] = useState<Size | null>(null);
  const [failed, setFailed] = useState(false);
  const maskPrefix = useId();

  const rects = useMemo(
    () =>
      natural
        ? regions.map((region) => {
            const box = region.region_info?.bounding_box;
            return box ? boxToPixels(box, natural) : null;
          })
        : [],
    [natural, regions],
  );

  const onPointerMove = (event: React.PointerEvent<SVGSVGElement>) => {
    if (!natural) return;
    const bounds = event.currentTarget.getBoundingClientRect();
    const point = clientToImage(
      { x: event.clientX, y: event.clientY },
      { x: bounds.left, y: bounds.top, width: bounds.width, height: bounds.height },
      natural,
    );
    let index = point ? hitTest(point, rects.map((rect) => rect ?? NOWHERE)) : -1;
    // Outside every box but over a label (or a mask or polygon): the shape under the pointer says whose.
    if (index < 0 && event.target instanceof Element) {
      const owner = event.target.closest('[data-region-index]')?.getAttribute('data-region-index');
      if (owner) index = Number(owner);
    }
    if ((index >= 0 ? index : null) !== highlighted) onHighlight(index >= 0 ? index : null);
  };

  const mediaClass = compact
    ? 'block max-h-48 w-full object-contain'
    : 'block max-h-[70vh] w-full object-contain';
  const src =
    media.kind === 'video' && media.timeMs !== undefined
      ? `${media.url}#t=${media.timeMs / 1000}`
      : media.url;

  // Highlighted box last, so it is drawn on top of its neighbours.
  const order = regions
    .map((_, i) => i)
    .sort((a, b) => Number(a === highlighted) - Number(b === highlighted));
  const fontSize = natural ? Math.max(8, Math.round(Math.max(natural.width, natural.height) / 45)) : 12;

  return (
    <figure
      className="self-start overflow-hidden rounded-lg bg-slate-900/5"
      data-rendered={natural ? 'true' : 'false'}
    >
      {/* The svg covers exactly the media's box (not the figure's, which a grid may stretch), so
          `meet` and `object-fit: contain` letterbox the same way. */}
      <div className="relative">
        {media.kind === 'video' ? (
          <video
            src={src}
            muted
            playsInline
            preload="auto"
            className={mediaClass}
            aria-label="Input video frame"
            onLoadedMetadata={(event) =>
              setNatural({ width: event.currentTarget.videoWidth, height: event.currentTarget.videoHeight })
            }
            onError={() => setFailed(true)}
          />
        ) : (
          <img
            src={src}
            alt="Input image"
            className={mediaClass}
            onLoad={(event) =>
              setNatural({
                width: event.currentTarget.naturalWidth,
                height: event.currentTarget.naturalHeight,
              })
            }
            onError={() => setFailed(true)}
          />
        )}
        {natural && natural.width > 0 && natural.height > 0 ? (
          <svg
            // role img + name is what a person (and the e2e page object) looks for; each box inside
            // still carries its own "Box N: label" name.
            role="img"
            aria-label="Region boxes"
            viewBox={`0 0 ${natural.width} ${natural.height}`}
            preserveAspectRatio="xMidYMid meet"
            className="absolute inset-0 size-full"
            onPointerMove={onPointerMove}
            onPointerLeave={() => onHighlight(null)}
          >
            {order.map((index) => {
              const region = regions[index];
              if (!region) return null;
              const color = colorFor(regionColorKey(region));
              const isHighlighted = index === highlighted;
              const label = regionLabel(region, index);
              const rect = rects[index];
              const maskSrc = imageSrc(region.region_info?.mask?.image);
              const points = region.region_info?.polygon?.points ?? [];
              const point = region.region_info?.point;
              const showLabel = rect && (isHighlighted || regions.length <= MAX_LABELS);
              const labelSize = {
                width: label.text.length * fontSize * 0.6 + fontSize * 0.8,
                height: fontSize * 1.4,
              };
              const placed = rect && showLabel ? labelPlacement(rect, labelSize, natural) : null;
              return (
                <g
                  key={index}
                  role="img"
                  aria-label={`Box ${index + 1}: ${label.text}`}
                  data-region-index={index}
                  data-highlighted={isHighlighted ? 'true' : 'false'}
                >
                  <title>{label.text}</title>
                  {maskSrc ? (
                    <>
                      <mask id={`${maskPrefix}-${index}`}>
                        <image
                          href={maskSrc}
                          width={natural.width}
                          height={natural.height}
                          preserveAspectRatio="none"
                        />
                      </mask>
                      <rect
                        width={natural.width}
                        height={natural.height}
                        fill={color}
                        opacity={isHighlighted ? 0.6 : 0.4}
                        mask={`url(#${maskPrefix}-${index})`}
                      />
                    </>
                  ) : null}
                  {points.length > 2 ? (
                    <polygon
                      points={points
                        .map((p) => `${(p.col ?? 0) * natural.width},${(p.row ?? 0) * natural.height}`)
                        .join(' ')}
                      fill={color}
                      fillOpacity={isHighlighted ? 0.3 : 0.12}
                      stroke={color}
                      strokeWidth={isHighlighted ? 3 : 2}
                      vectorEffect="non-scaling-stroke"
                    />
                  ) : null}
                  {point && !rect ? (
                    <circle
                      cx={(point.col ?? 0) * natural.width}
                      cy={(point.row ?? 0) * natural.height}
                      r={fontSize / 2}
                      fill={color}
                    />
                  ) : null}
                  {rect ? (
                    <rect
                      x={rect.x}
                      y={rect.y}
                      width={rect.width}
                      height={rect.height}
                      fill={color}
                      fillOpacity={isHighlighted ? 0.22 : 0}
                      stroke={color}
                      strokeWidth={isHighlighted ? 4 : 2}
                      vectorEffect="non-scaling-stroke"
                    />
                  ) : null}
                  {placed ? (
                    <g>
                      <rect
                        x={placed.x}
                        y={placed.y}
                        width={labelSize.width}
                        height={labelSize.height}
                        rx={fontSize * 0.2}
                        fill={color}
                      />
                      <text
                        x={placed.x + fontSize * 0.4}
                        y={placed.y + fontSize * 1.05}
                        fontSize={fontSize}
                        fill={textColorOn(color)}
                        fontFamily="ui-sans-serif, system-ui, sans-serif"
                      >
                        {label.text}
                      </text>
                    </g>
                  ) : null}
                </g>
              );
            })}
          </svg>
        ) : null}
      </div>
      {failed ? (
        <figcaption className="p-2 text-xs text-slate-500">
          The input could not be loaded here, so the boxes are listed only.
        </figcaption>
      ) : null}
    </figure>
  );
}
