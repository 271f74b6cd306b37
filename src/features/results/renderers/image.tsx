import { imageSrc } from '@/features/results/lib/media-source';
import type { RendererProps } from '@/features/results/renderers/types';
import { buttonVariants } from '@/components/ui/button';

export function ImageRenderer({ data, context }: RendererProps) {
  const src = imageSrc(data.image);
  if (!src) return null;
  const info = data.image?.image_info;
  const extension = (info?.format ?? 'png').toLowerCase().replace('jpeg', 'jpg');
  return (
    <figure className="flex flex-col items-start gap-2">
      <img
        src={src}
        alt="Output image"
        className={context.nested ? 'max-h-24 rounded border border-slate-200' : 'max-h-[60vh] rounded-lg border border-slate-200'}
      />
      <figcaption className="flex items-center gap-3 text-xs text-slate-500">
        {info?.width && info.height ? (
          <span>
            {info.width} × {info.height}
            {info.format ? ` ${info.format}` : ''}
          </span>
        ) : null}
        {context.nested ? null : (
          <a className={buttonVariants({ variant: 'secondary', size: 'sm' })} href={src} download={`output.${extension}`}>
            Download
          </a>
        )}
      </figcaption>
    </figure>
  );
}
