/**
 * The input with its regions drawn over it: picture, mask canvases and box SVG stacked in one
 * zoomable frame, so they move together. The scene (what is drawn where) is a pure function of
 * the regions and the view state; the PNG download draws that same scene.
 */
import { useMemo, useState } from 'react';
import type { Size } from '@/lib/geometry';
import { safeFileName } from '@/lib/download';
import { DownloadButton } from '@/components/download-button';
import { useZoom, ZoomControls, ZoomViewport, type ZoomController } from '@/components/zoom-viewport';
import type { RegionItem } from '@/features/results/lib/region-model';
import { layoutRegions, sceneFromLayout, type Layout, type SceneView } from '@/features/results/lib/scene';
import { exportScenePng } from '@/features/results/lib/export-png';
import type { HighlightStore } from '@/features/results/state/highlight-store';
import { useViewState } from '@/features/results/state/view-state';
import { RegionBoxes } from '@/features/results/renderers/region-boxes';
import { MaskLayer } from '@/features/results/renderers/mask-layer';
import type { BaseMedia } from '@/features/results/renderers/types';

export function RegionOverlay({
  media,
  items,
  colors,
  store,
  focusClass,
  compact,
  name,
  zoom: externalZoom,
}: {
  media: BaseMedia;
  items: readonly RegionItem[];
  colors: ReadonlyMap<string, string>;
  store: HighlightStore;
  focusClass: string | null;
  compact: boolean;
  /** Names the downloaded PNG (the node id). */
  name: string;
  /** A zoom shared with other views (the compare view's panes); its own otherwise. */
  zoom?: ZoomController | undefined;
}) {
  const [natural, setNatural] = useState<Size | null>(null);
  const [failed, setFailed] = useState(false);
  const threshold = useViewState((state) => state.threshold);
  const hiddenClasses = useViewState((state) => state.hiddenClasses);
  const maskOpacity = useViewState((state) => state.maskOpacity);
  const ownZoom = useZoom();
  const zoom = externalZoom ?? ownZoom;

  // The layout depends on the picture only; the scene on the view state too. Boxes are drawn from
  // the layout, so a threshold change does not re-render them (see RegionBoxes).
  const layout = useMemo(
    () => (natural && natural.width > 0 && natural.height > 0 ? layoutRegions(items, natural, colors) : null),
    [items, natural, colors],
  );
  const view = useMemo(() => ({ threshold, hiddenClasses }), [threshold, hiddenClasses]);
  const zoomScale = zoom.transform.scale;
  const scene = useMemo(
    () => (layout ? sceneFromLayout(layout, view, zoomScale) : null),
    [layout, view, zoomScale],
  );

  const mediaClass = compact
    ? 'block max-h-48 w-full object-contain'
    : 'block max-h-[70vh] w-full object-contain';
  const src =
    media.kind === 'video' && media.timeMs !== undefined
      ? `${media.url}#t=${media.timeMs / 1000}`
      : media.url;

  return (
    <figure className="flex flex-col gap-2 self-start" data-rendered={natural ? 'true' : 'false'}>
      {compact ? null : (
        <ZoomControls zoom={zoom}>
          {media.kind === 'image' && layout ? (
            <DownloadPng layout={layout} view={view} maskOpacity={maskOpacity} url={media.url} name={name} />
          ) : null}
        </ZoomControls>
      )}
      {/* The svg and canvases cover exactly the media's box (not the figure's, which a grid may
          stretch), so `meet` and `object-fit: contain` letterbox the same way. */}
      <ZoomViewport
        zoom={zoom}
        wheel={compact ? 'with-modifier' : 'always'}
        className="rounded-lg bg-slate-900/5"
      >
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
            draggable={false}
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
        {scene ? (
          <MaskLayer masks={scene.masks} size={scene.size} opacity={maskOpacity} focusClass={focusClass} />
        ) : null}
        {layout && scene ? (
          <RegionBoxes
            layout={layout}
            scene={scene}
            view={view}
            store={store}
            focusClass={focusClass}
            zoomScale={zoomScale}
          />
        ) : null}
      </ZoomViewport>
      {failed ? (
        <figcaption className="p-2 text-xs text-slate-500">
          The input could not be loaded here, so the regions are listed only.
        </figcaption>
      ) : null}
    </figure>
  );
}

function DownloadPng({
  layout,
  view,
  maskOpacity,
  url,
  name,
}: {
  layout: Layout;
  view: SceneView;
  maskOpacity: number;
  url: string;
  name: string;
}) {
  // The shown scene at natural size: same boxes, masks and label spots, at zoom 1.
  const make = () =>
    exportScenePng(
      sceneFromLayout(layout, view),
      { maskOpacity },
      url,
      safeFileName(`${name}-annotated`, 'png'),
    );
  return (
    <DownloadButton what="PNG" make={make}>
      Download PNG
    </DownloadButton>
  );
}
