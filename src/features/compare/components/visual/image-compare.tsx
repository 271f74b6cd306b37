/**
 * Two versions' image outputs (an upscaler at ×2 and at ×4, a generator's picture): side by side,
 * swiped at the divider, or B over A at an adjustable opacity, all under the shared zoom. Each
 * picture shows its own pixel size, since two outputs of one input often differ exactly there.
 * B is stretched over A's box in swipe and overlay, so pictures of one aspect ratio line up.
 */
import { useState } from 'react';
import type * as React from 'react';
import type { Size } from '@/lib/geometry';
import { ZoomControls } from '@/components/zoom-viewport';
import { imageSrc } from '@/features/results/lib/media-source';
import type { DataCompareProps, Side } from '@/features/compare/components/types';
import { swipeClipPath } from '@/features/compare/components/visual/swipe';
import { PictureFrame, SwipeDivider, useFollowingZoom } from '@/features/compare/components/visual/picture';

type Loaded = { src: string; size: Size } | { src: string; failed: true };

/** "A: 512×512 px", or what is known before that. */
export function pixelSizeText(side: Side, loaded: Loaded | undefined): string {
  const name = side.toUpperCase();
  if (!loaded) return `${name}: loading…`;
  if ('failed' in loaded) return `${name}: could not be loaded`;
  return `${name}: ${loaded.size.width}×${loaded.size.height} px`;
}

export function ImageCompare({ dataA, dataB, settings }: DataCompareProps) {
  const srcA = imageSrc(dataA?.image);
  const srcB = imageSrc(dataB?.image);
  const [loaded, setLoaded] = useState<Partial<Record<Side, Loaded>>>({});
  const [opacity, setOpacity] = useState(0.5);
  const zoomB = useFollowingZoom(settings.zoom);
  if (!srcA && !srcB) return <p className="text-sm text-slate-500">No image in either version.</p>;

  // Only what was loaded from the current address counts (an older answer's size would mislead).
  const current = (side: Side, src: string | undefined) => {
    const one = loaded[side];
    return one && one.src === src ? one : undefined;
  };
  const loadedA = current('a', srcA);
  const loadedB = current('b', srcB);
  const handlers = (side: Side, src: string) => ({
    onLoad: (event: React.SyntheticEvent<HTMLImageElement>) => {
      const size = { width: event.currentTarget.naturalWidth, height: event.currentTarget.naturalHeight };
      setLoaded((previous) => ({ ...previous, [side]: { src, size } }));
    },
    onError: () => setLoaded((previous) => ({ ...previous, [side]: { src, failed: true } })),
  });
  const sizes = (
    <p className="flex gap-4 text-xs text-slate-600 tabular-nums">
      <span>{srcA ? pixelSizeText('a', loadedA) : 'A: no image'}</span>
      <span>{srcB ? pixelSizeText('b', loadedB) : 'B: no image'}</span>
    </p>
  );

  if (settings.mode === 'side' || !srcA || !srcB) {
    const one = (side: Side, src: string | undefined) => (
      <figure key={side} aria-label={`Version ${side.toUpperCase()}`} className="flex min-w-0 flex-col gap-1">
        <figcaption className="flex flex-wrap items-baseline gap-x-2 text-sm">
          <span className="font-semibold text-slate-700">Version {side.toUpperCase()}</span>
          <span className="text-xs text-slate-600 tabular-nums">
            {src ? pixelSizeText(side, side === 'a' ? loadedA : loadedB) : 'no image'}
          </span>
        </figcaption>
        {src ? (
          <PictureFrame zoom={side === 'a' ? settings.zoom : zoomB}>
            <img
              src={src}
              alt={`Version ${side.toUpperCase()} image`}
              draggable={false}
              className="block h-auto w-full select-none"
              {...handlers(side, src)}
            />
          </PictureFrame>
        ) : (
          <p className="text-sm text-slate-500">This version answered no image.</p>
        )}
      </figure>
    );
    return (
      <div className="flex flex-col gap-2">
        <ZoomControls zoom={settings.zoom} />
        {settings.mode !== 'side' ? (
          <p className="text-xs text-slate-500">
            Only one version has an image, so they are shown side by side.
          </p>
        ) : null}
        <div className="grid gap-3 md:grid-cols-2">
          {one('a', srcA)}
          {one('b', srcB)}
        </div>
      </div>
    );
  }

  const overlay = settings.mode === 'overlay';
  return (
    <div className="flex flex-col gap-2">
      <ZoomControls zoom={settings.zoom}>
        {overlay ? (
          <label className="ml-auto inline-flex items-center gap-2 text-sm text-slate-700">
            B opacity
            <input
              type="range"
              min={0}
              max={100}
              value={Math.round(opacity * 100)}
              aria-valuetext={`${Math.round(opacity * 100)}%`}
              onChange={(event) => setOpacity(Number(event.currentTarget.value) / 100)}
            />
          </label>
        ) : null}
      </ZoomControls>
      <figure className="flex flex-col gap-1">
        <figcaption className="flex flex-wrap items-baseline gap-x-4 text-sm text-slate-700">
          {overlay ? 'B over A' : 'A left of the divider, B right of it'}
          {sizes}
        </figcaption>
        <PictureFrame zoom={settings.zoom}>
          <img
            src={srcA}
            alt="Version A image"
            draggable={false}
            className="block h-auto w-full select-none"
            {...handlers('a', srcA)}
          />
          <img
            src={srcB}
            alt="Version B image"
            draggable={false}
            className="absolute inset-0 size-full select-none"
            style={overlay ? { opacity } : { clipPath: swipeClipPath('b', settings.swipe) }}
            {...handlers('b', srcB)}
          />
          {overlay ? null : <SwipeDivider value={settings.swipe} onChange={settings.onSwipeChange} />}
        </PictureFrame>
      </figure>
    </div>
  );
}
