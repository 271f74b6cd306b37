/**
 * Masks of the two versions compared: "Mask agreement", a table of IoU per class (worst first),
 * and the disagreement layer that paints pixels only A claims and pixels only B claims in two
 * colours over the picture. Where masks cannot be decoded (no image decoding) it says so.
 */
import { useEffect, useState } from 'react';
import { formatScore } from '@/lib/format';
import type { ClassMaskDiff } from '@/features/compare/lib/diff-masks';
import type { MaskDiffState } from '@/features/compare/components/visual/use-mask-diff';
import { DISAGREEMENT_COLORS, paintDisagreement } from '@/features/compare/components/visual/mask-compare';
import { ColumnHeaders } from '@/components/ui/table';

const PRESENCE: Record<ClassMaskDiff['presence'], string> = {
  both: 'both',
  'a-only': 'only A',
  'b-only': 'only B',
};

export function MaskAgreement({
  state,
  showDisagreement,
  onShowDisagreement,
}: {
  state: MaskDiffState;
  showDisagreement: boolean;
  onShowDisagreement: (show: boolean) => void;
}) {
  if (state.status === 'none') return null;
  return (
    <div className="flex flex-col gap-2">
      <label className="inline-flex items-center gap-1.5 text-sm text-slate-700">
        <input
          type="checkbox"
          checked={showDisagreement}
          disabled={state.status !== 'done'}
          onChange={(event) => onShowDisagreement(event.currentTarget.checked)}
        />
        Show disagreement
      </label>
      {showDisagreement && state.status === 'done' ? <DisagreementKey /> : null}
      {state.status === 'pending' ? (
        <p role="status" className="text-xs text-slate-500">
          Comparing the masks…
        </p>
      ) : state.status === 'error' ? (
        <p role="status" className="text-xs text-amber-800">
          The masks could not be compared here ({state.message}); the boxes and the list still are.
        </p>
      ) : (
        <table className="w-full max-w-xl text-sm tabular-nums">
          <caption className="text-left text-xs font-semibold text-slate-600">Mask agreement</caption>
          <thead className="text-xs text-slate-500">
            <ColumnHeaders
              columns={[
                { label: 'Class' },
                { label: 'Found in' },
                { label: 'IoU', align: 'right' },
                { label: 'Only A', align: 'right' },
                { label: 'Only B', align: 'right' },
              ]}
            />
          </thead>
          <tbody>
            {state.classes.map((row) => {
              const pixels = state.size.width * state.size.height;
              return (
                <tr key={row.className} className="border-t border-slate-100">
                  <th scope="row" className="px-2 py-1 text-left font-normal text-slate-800">
                    {row.className}
                  </th>
                  <td className="px-2 py-1 text-slate-600">{PRESENCE[row.presence]}</td>
                  <td className="px-2 py-1 text-right">{row.iou.toFixed(2)}</td>
                  <td className="px-2 py-1 text-right text-slate-600">{formatScore(row.onlyA / pixels)}</td>
                  <td className="px-2 py-1 text-right text-slate-600">{formatScore(row.onlyB / pixels)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}

function DisagreementKey() {
  return (
    <p className="flex flex-wrap items-center gap-x-3 text-xs text-slate-700">
      <span className="inline-flex items-center gap-1">
        <span aria-hidden className="size-3 rounded-sm" style={{ backgroundColor: DISAGREEMENT_COLORS.a }} />
        only A claims
      </span>
      <span className="inline-flex items-center gap-1">
        <span aria-hidden className="size-3 rounded-sm" style={{ backgroundColor: DISAGREEMENT_COLORS.b }} />
        only B claims
      </span>
    </p>
  );
}

/** The disagreement raster over the picture, at the comparison size, stretched like the picture. */
export function DisagreementLayer({ state }: { state: MaskDiffState }) {
  const [canvas, setCanvas] = useState<HTMLCanvasElement | null>(null);
  const done = state.status === 'done' ? state : null;
  useEffect(() => {
    if (!canvas || !done) return;
    const context = canvas.getContext('2d');
    if (!context) return;
    const { width, height } = done.size;
    context.putImageData(new ImageData(paintDisagreement(done.disagreement), width, height), 0, 0);
  }, [canvas, done]);
  if (!done) return null;
  return (
    <canvas
      ref={setCanvas}
      role="img"
      aria-label="Mask disagreement"
      width={done.size.width}
      height={done.size.height}
      className="pointer-events-none absolute inset-0 size-full opacity-80"
      style={{ imageRendering: 'pixelated' }}
    />
  );
}
