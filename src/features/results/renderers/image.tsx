/**
 * An output image (upscaled, generated, edited). When the input was an image too (image-to-image,
 * super-resolution) the two are stacked in one zoomable frame with a divider to swipe between
 * before and after, so both are compared at the same place and the same zoom.
 */
import { useState, type ReactNode } from 'react';
import type { Size } from '@/lib/geometry';
import { safeFileName } from '@/lib/download';
import { buttonVariants } from '@/components/ui/button';
import { useZoom, ZoomControls, ZoomViewport } from '@/components/zoom-viewport';
import { imageSrc } from '@/features/results/lib/media-source';
import type { RendererProps } from '@/features/results/renderers/types';

const pixelSize = (size: Size | null | undefined) =>
  size?.width && size.height ? `${size.width} × ${size.height}` : undefined;

export function ImageRenderer({ data, context }: RendererProps) {
  const src = imageSrc(data.image);
  const [loaded, setLoaded] = useState<Size | null>(null);
  if (!src) return null;
  const info = data.image?.image_info;
  const extension = (info?.format ?? 'png').toLowerCase().replace('jpeg', 'jpg');
  const download = (
    <a
      className={buttonVariants({ variant: 'secondary', size: 'sm' })}
      href={src}
      download={safeFileName(context.name, extension)}
    >
      Download image
    </a>
  );
  const outputSize = info?.width && info.height ? { width: info.width, height: info.height } : loaded;
  const input = !context.nested && context.media?.kind === 'image' ? context.media : undefined;
  if (input)
    return (
      <BeforeAfter
        before={input.url}
        after={src}
        outputSize={outputSize}
        onOutputSize={setLoaded}
        download={download}
      />
    );
  return (
    <figure className="flex flex-col items-start gap-2" data-rendered={loaded ? 'true' : 'false'}>
      <img
        src={src}
        alt="Output image"
        className={
          context.nested
            ? 'max-h-24 rounded border border-slate-200'
            : 'max-h-[60vh] rounded-lg border border-slate-200'
        }
        onLoad={(event) =>
          setLoaded({ width: event.currentTarget.naturalWidth, height: event.currentTarget.naturalHeight })
        }
      />
      <figcaption className="flex items-center gap-3 text-xs text-slate-500">
        {pixelSize(outputSize) ? (
          <span>
            {pixelSize(outputSize)}
            {info?.format ? ` ${info.format}` : ''}
          </span>
        ) : null}
        {context.nested ? null : download}
      </figcaption>
    </figure>
  );
}

function BeforeAfter({
  before,
  after,
  outputSize,
  onOutputSize,
  download,
}: {
  before: string;
  after: string;
  outputSize: Size | null;
  onOutputSize: (size: Size) => void;
  download: ReactNode;
}) {
  const zoom = useZoom();
  const [split, setSplit] = useState(50);
  const [inputSize, setInputSize] = useState<Size | null>(null);
  const [outputLoaded, setOutputLoaded] = useState(false);
  return (
    <figure className="flex flex-col gap-2" data-rendered={outputLoaded && inputSize ? 'true' : 'false'}>
      <ZoomControls zoom={zoom}>
        <label className="ml-2 flex items-center gap-2 text-xs text-slate-600">
          <span>Before</span>
          <input
            type="range"
            aria-label="Before/after"
            min={0}
            max={100}
            step={1}
            value={split}
            aria-valuetext={`${split}% input, ${100 - split}% output`}
            onChange={(event) => setSplit(Number(event.currentTarget.value))}
          />
          <span>After</span>
        </label>
        <span className="ml-auto">{download}</span>
      </ZoomControls>
      <ZoomViewport zoom={zoom} className="rounded-lg bg-slate-900/5">
        <img
          src={after}
          alt="Output image"
          draggable={false}
          className="block max-h-[70vh] w-full object-contain"
          onLoad={(event) => {
            setOutputLoaded(true);
            onOutputSize({
              width: event.currentTarget.naturalWidth,
              height: event.currentTarget.naturalHeight,
            });
          }}
        />
        {/* The input on top, cut at the divider: left of it is before, right of it is after. Both
            fill the same box with object-fit: contain, so a smaller input is shown at the output's size. */}
        <img
          src={before}
          alt="Input image"
          draggable={false}
          className="absolute inset-0 size-full object-contain"
          style={{ clipPath: `inset(0 ${100 - split}% 0 0)` }}
          onLoad={(event) =>
            setInputSize({
              width: event.currentTarget.naturalWidth,
              height: event.currentTarget.naturalHeight,
            })
          }
        />
        <div
          aria-hidden
          className="pointer-events-none absolute inset-y-0 w-0.5 -translate-x-1/2 bg-white shadow-[0_0_0_1px_rgba(15,23,42,0.4)]"
          style={{ left: `${split}%` }}
        />
      </ZoomViewport>
      <figcaption className="flex flex-wrap gap-x-4 text-xs text-slate-500">
        <span>Output {pixelSize(outputSize) ?? 'size unknown'}</span>
        <span>Input {pixelSize(inputSize) ?? 'size unknown'}</span>
      </figcaption>
    </figure>
  );
}
