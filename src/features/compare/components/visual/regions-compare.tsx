/**
 * Two versions' regions on the same input: side by side, swiped at a divider, or overlaid (A solid,
 * B dashed), all under one zoom and the results' threshold and hidden classes, one colour per
 * concept over both. Each side is laid out once per picture and drawn with the results' overlay
 * parts (SVG boxes, or the dense canvas past a few hundred), so a threshold step or a hover costs
 * what it costs in the results view. Below: a shared legend, the masks' agreement, and the list
 * of region changes linked to the boxes both ways.
 */
import { useContext, useEffect, useMemo, useState } from 'react';
import { CompareReportContext } from '@/features/compare/components/report-context';
import type * as React from 'react';
import type { Size } from '@/lib/geometry';
import { downloadBlob, safeFileName } from '@/lib/download';
import { ZoomControls, type ZoomController } from '@/components/zoom-viewport';
import { DownloadButton } from '@/components/download-button';
import { matchRegions } from '@/features/compare/lib/match-regions';
import { regionItems } from '@/features/results/lib/region-model';
import {
  layoutRegions,
  sceneFromLayout,
  type Layout,
  type Scene,
  type SceneView,
  labelSpots,
} from '@/features/results/lib/scene';
import { renderLayersPng } from '@/features/results/lib/export-png';
import { createHighlightStore, type HighlightStore } from '@/features/results/state/highlight-store';
import { useViewState } from '@/features/results/state/view-state';
import { RegionBoxes } from '@/features/results/renderers/region-boxes';
import { MaskLayer } from '@/features/results/renderers/mask-layer';
import { RegionLegend } from '@/features/results/renderers/region-legend';
import type { BaseMedia } from '@/features/results/renderers/types';
import {
  SIDE_STROKE,
  type CompareViewMode,
  type DataCompareProps,
  type Side,
} from '@/features/compare/components/types';
import { linkHighlights } from '@/features/compare/components/visual/link-highlights';
import { partnerMaps, unionRegionClasses } from '@/features/compare/components/visual/region-changes';
import { OverlayHover } from '@/features/compare/components/visual/overlay-hover';
import { RegionChangeList } from '@/features/compare/components/visual/region-change-list';
import { swipeClipPath } from '@/features/compare/components/visual/swipe';
import { comparePngPlan } from '@/features/compare/components/visual/compare-png';
import { comparisonSize, withoutHiddenClasses } from '@/features/compare/components/visual/mask-compare';
import { useMaskDiff, type MaskDiffState } from '@/features/compare/components/visual/use-mask-diff';
import { DisagreementLayer, MaskAgreement } from '@/features/compare/components/visual/mask-agreement';
import {
  MediaPicture,
  PictureFrame,
  sameSize,
  SwipeDivider,
  useFollowingZoom,
} from '@/features/compare/components/visual/picture';

const NO_REGIONS: never[] = [];

export function RegionsCompare({ dataA, dataB, media, name, settings }: DataCompareProps) {
  const regionsA = dataA?.regions ?? NO_REGIONS;
  const regionsB = dataB?.regions ?? NO_REGIONS;
  const itemsA = useMemo(() => regionItems(regionsA), [regionsA]);
  const itemsB = useMemo(() => regionItems(regionsB), [regionsB]);
  const { classes, colors } = useMemo(() => unionRegionClasses(itemsA, itemsB), [itemsA, itemsB]);
  // Quadratic in the boxes: once per pair of outputs, never per threshold step.
  const diff = useMemo(() => matchRegions(regionsA, regionsB), [regionsA, regionsB]);
  const [storeA] = useState(createHighlightStore);
  const [storeB] = useState(createHighlightStore);
  useEffect(() => {
    const { aToB, bToA } = partnerMaps(diff);
    return linkHighlights(storeA, storeB, aToB, bToA);
  }, [diff, storeA, storeB]);

  const [focusClass, setFocusClass] = useState<string | null>(null);
  const [natural, setNatural] = useState<Size | null>(null);
  const [failed, setFailed] = useState(false);
  const [showDisagreement, setShowDisagreement] = useState(false);
  const threshold = useViewState((state) => state.threshold);
  const hiddenClasses = useViewState((state) => state.hiddenClasses);
  const maskOpacity = useViewState((state) => state.maskOpacity);
  const view = useMemo(() => ({ threshold, hiddenClasses }), [threshold, hiddenClasses]);
  const zoomScale = settings.zoom.transform.scale;

  // Per side: the layout depends on the picture only, the scene on the view state too.
  const layoutA = useMemo(
    () => (natural ? layoutRegions(itemsA, natural, colors) : null),
    [itemsA, natural, colors],
  );
  const layoutB = useMemo(
    () => (natural ? layoutRegions(itemsB, natural, colors) : null),
    [itemsB, natural, colors],
  );
  const sceneA = useMemo(
    () => (layoutA ? sceneFromLayout(layoutA, view, zoomScale) : null),
    [layoutA, view, zoomScale],
  );
  // Overlaid on one picture, B's labels keep off A's.
  const overlaid = settings.mode === 'overlay';
  const sceneB = useMemo(
    () =>
      layoutB
        ? sceneFromLayout(layoutB, view, zoomScale, overlaid && sceneA ? labelSpots(sceneA) : [])
        : null,
    [layoutB, view, zoomScale, overlaid, sceneA],
  );
  const maskSize = useMemo(() => (natural ? comparisonSize(natural) : null), [natural]);
  const decodedMasks = useMaskDiff(itemsA, itemsB, maskSize);
  // The agreement per class goes into the JSON export (a still picture only, not a video frame).
  const { reportMasks } = useContext(CompareReportContext);
  const still = media?.timeMs === undefined;
  useEffect(() => {
    if (still && decodedMasks.status === 'done') reportMasks(name, decodedMasks.classes);
  }, [still, decodedMasks, reportMasks, name]);
  const maskDiff = useMemo(
    () =>
      decodedMasks.status === 'done' && hiddenClasses.size > 0
        ? { ...decodedMasks, ...withoutHiddenClasses(decodedMasks.classes, hiddenClasses, decodedMasks.size) }
        : decodedMasks,
    [decodedMasks, hiddenClasses],
  );

  if (itemsA.length === 0 && itemsB.length === 0)
    return <p className="text-sm text-slate-500">No regions in either version.</p>;

  const picture = media && media.kind !== 'audio' ? media : undefined;
  const onNatural = (size: Size) => setNatural((previous) => sameSize(previous, size));
  const sides: Record<Side, SideDrawing | null> =
    layoutA && sceneA && layoutB && sceneB
      ? {
          a: { layout: layoutA, scene: sceneA, store: storeA },
          b: { layout: layoutB, scene: sceneB, store: storeB },
        }
      : { a: null, b: null };
  const drawing: Drawing = {
    sides,
    view,
    focusClass,
    zoomScale,
    maskOpacity,
    disagreement: showDisagreement ? maskDiff : null,
  };

  return (
    <div className="flex flex-col gap-3" data-rendered={natural ? 'true' : 'false'}>
      {picture ? (
        <>
          <ZoomControls zoom={settings.zoom}>
            {picture.kind === 'image' && layoutA && layoutB ? (
              <DownloadComparison
                mode={settings.mode}
                layoutA={layoutA}
                layoutB={layoutB}
                view={view}
                swipe={settings.swipe}
                maskOpacity={maskOpacity}
                url={picture.url}
                name={name}
              />
            ) : null}
          </ZoomControls>
          <Pictures
            mode={settings.mode}
            media={picture}
            zoom={settings.zoom}
            swipe={settings.swipe}
            onSwipeChange={settings.onSwipeChange}
            drawing={drawing}
            onNatural={onNatural}
            onFailed={() => setFailed(true)}
          />
          {failed ? (
            <p className="text-xs text-slate-500">
              The input could not be loaded here, so the regions are listed only.
            </p>
          ) : null}
        </>
      ) : (
        <p className="text-xs text-slate-500">No input picture to draw these regions on.</p>
      )}
      <RegionLegend classes={classes} onFocusClass={setFocusClass} />
      <MaskAgreement
        state={maskDiff}
        showDisagreement={showDisagreement}
        onShowDisagreement={setShowDisagreement}
      />
      <RegionChangeList
        diff={diff}
        itemsA={itemsA}
        itemsB={itemsB}
        storeA={storeA}
        storeB={storeB}
        colors={colors}
        view={view}
      />
    </div>
  );
}

interface SideDrawing {
  layout: Layout;
  scene: Scene;
  store: HighlightStore;
}

/** Everything the pictures draw, whichever the mode. */
interface Drawing {
  sides: Record<Side, SideDrawing | null>;
  view: SceneView;
  focusClass: string | null;
  zoomScale: number;
  maskOpacity: number;
  /** The masks' disagreement, when it is asked for. */
  disagreement: MaskDiffState | null;
}

function Pictures({
  mode,
  media,
  zoom,
  swipe,
  onSwipeChange,
  drawing,
  onNatural,
  onFailed,
}: {
  mode: CompareViewMode;
  media: BaseMedia;
  zoom: ZoomController;
  swipe: number;
  onSwipeChange: (swipe: number) => void;
  drawing: Drawing;
  onNatural: (size: Size) => void;
  onFailed: () => void;
}) {
  const zoomB = useFollowingZoom(zoom);
  const picture = (alt: string) => (
    <MediaPicture media={media} alt={alt} onNatural={onNatural} onFailed={onFailed} />
  );
  const disagreement = drawing.disagreement ? <DisagreementLayer state={drawing.disagreement} /> : null;

  if (mode === 'side') {
    return (
      <div className="grid gap-3 md:grid-cols-2">
        {(['a', 'b'] as const).map((side) => (
          <figure
            key={side}
            aria-label={`Version ${side.toUpperCase()}`}
            className="flex min-w-0 flex-col gap-1"
          >
            <figcaption className="text-sm font-semibold text-slate-700">
              Version {side.toUpperCase()}
            </figcaption>
            <PictureFrame zoom={side === 'a' ? zoom : zoomB}>
              {picture(`Input, version ${side.toUpperCase()}`)}
              {disagreement}
              <SideLayers side={side} drawing={drawing} />
            </PictureFrame>
          </figure>
        ))}
      </div>
    );
  }
  if (mode === 'swipe') {
    return (
      <figure className="flex flex-col gap-1">
        <figcaption className="text-sm text-slate-700">
          <span className="font-semibold">A</span> left of the divider,{' '}
          <span className="font-semibold">B</span> right of it
        </figcaption>
        <PictureFrame zoom={zoom}>
          {picture('Input')}
          {disagreement}
          <SideLayers side="a" drawing={drawing} clipPath={swipeClipPath('a', swipe)} />
          <SideLayers side="b" drawing={drawing} clipPath={swipeClipPath('b', swipe)} />
          <SwipeDivider value={swipe} onChange={onSwipeChange} />
        </PictureFrame>
      </figure>
    );
  }
  return (
    <figure className="flex flex-col gap-1">
      <figcaption className="flex items-center gap-3 text-sm text-slate-700">
        <StrokeKey dashed={false} label={SIDE_STROKE.a.label} />
        <StrokeKey dashed label={SIDE_STROKE.b.label} />
      </figcaption>
      <PictureFrame zoom={zoom}>
        {picture('Input')}
        {disagreement}
        <SideLayers side="a" drawing={drawing} />
        <SideLayers side="b" drawing={drawing} dash={SIDE_STROKE.b.dash} />
        {drawing.sides.a && drawing.sides.b ? (
          <OverlayHover size={drawing.sides.a.layout.size} a={drawing.sides.a} b={drawing.sides.b} />
        ) : null}
      </PictureFrame>
    </figure>
  );
}

function StrokeKey({ dashed, label }: { dashed: boolean; label: string }) {
  return (
    <span className="inline-flex items-center gap-1.5">
      <svg aria-hidden width="24" height="8" viewBox="0 0 24 8">
        <line
          x1="0"
          y1="4"
          x2="24"
          y2="4"
          stroke="currentColor"
          strokeWidth="2"
          strokeDasharray={dashed ? SIDE_STROKE.b.dash?.join(' ') : undefined}
        />
      </svg>
      {label}
    </span>
  );
}

/** One version's masks and boxes over the picture, maybe cut at the divider or dashed. */
function SideLayers({
  side,
  drawing,
  clipPath,
  dash,
}: {
  side: Side;
  drawing: Drawing;
  clipPath?: string;
  dash?: readonly number[] | undefined;
}) {
  const own = drawing.sides[side];
  if (!own) return null;
  const style: React.CSSProperties | undefined = clipPath ? { clipPath } : undefined;
  return (
    <div className="absolute inset-0" style={style} data-side={side}>
      <MaskLayer
        masks={own.scene.masks}
        size={own.scene.size}
        opacity={drawing.maskOpacity}
        focusClass={drawing.focusClass}
      />
      <RegionBoxes
        layout={own.layout}
        scene={own.scene}
        view={drawing.view}
        store={own.store}
        focusClass={drawing.focusClass}
        zoomScale={drawing.zoomScale}
        dash={dash}
        label={`Version ${side.toUpperCase()} boxes`}
      />
    </div>
  );
}

function DownloadComparison({
  mode,
  layoutA,
  layoutB,
  view,
  swipe,
  maskOpacity,
  url,
  name,
}: {
  mode: CompareViewMode;
  layoutA: Layout;
  layoutB: Layout;
  view: SceneView;
  swipe: number;
  maskOpacity: number;
  url: string;
  name: string;
}) {
  const make = async () => {
    // The view on screen at the picture's natural size (labels as at zoom 1).
    const sceneA = sceneFromLayout(layoutA, view);
    const plan = comparePngPlan({
      mode,
      sceneA,
      sceneB: sceneFromLayout(layoutB, view, 1, mode === 'overlay' ? labelSpots(sceneA) : []),
      swipe,
      maskOpacity,
    });
    const blob = await renderLayersPng(plan.size, url, plan.layers, plan.overlay);
    downloadBlob(blob, safeFileName(`${name}-comparison-${mode}`, 'png'));
  };
  return (
    <DownloadButton what="PNG" make={make}>
      Download comparison PNG
    </DownloadButton>
  );
}
