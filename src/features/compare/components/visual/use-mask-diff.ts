/**
 * Decodes both versions' masks once per pair of outputs and compares them class by class. The
 * answer is kept with the key it was computed for, so a changed input reads as "comparing" at once
 * without resetting state inside the effect.
 */
import { useEffect, useMemo, useState } from 'react';
import type { Size } from '@/lib/geometry';
import { diffMaskClasses, mergeDisagreements, type ClassMaskDiff } from '@/features/compare/lib/diff-masks';
import type { RegionItem } from '@/features/results/lib/region-model';
import { decodeMask } from '@/features/compare/components/visual/decode-masks';
import { masksByClass, type ClassMask } from '@/features/compare/components/visual/mask-compare';

export type MaskDiffState =
  | { status: 'none' }
  | { status: 'pending' }
  | { status: 'error'; message: string }
  | { status: 'done'; size: Size; classes: ClassMaskDiff[]; disagreement: Uint8Array };

interface Settled {
  key: string;
  state: MaskDiffState;
}

async function decodeSide(items: readonly RegionItem[], size: Size): Promise<Map<string, Uint8Array>> {
  const masks: ClassMask[] = [];
  for (const item of items) {
    if (item.maskSrc) masks.push({ classKey: item.classKey, mask: await decodeMask(item.maskSrc, size) });
  }
  return masksByClass(masks, size);
}

export function useMaskDiff(
  itemsA: readonly RegionItem[],
  itemsB: readonly RegionItem[],
  size: Size | null,
): MaskDiffState {
  const hasMasks = useMemo(
    () => itemsA.some((item) => item.maskSrc) || itemsB.some((item) => item.maskSrc),
    [itemsA, itemsB],
  );
  const key = useMemo(
    () =>
      size
        ? `${size.width}x${size.height}|${itemsA.map((i) => i.maskSrc ?? '').join(',')}|${itemsB
            .map((i) => i.maskSrc ?? '')
            .join(',')}`
        : '',
    [itemsA, itemsB, size],
  );
  const [settled, setSettled] = useState<Settled | null>(null);

  useEffect(() => {
    if (!hasMasks || !size) return;
    let cancelled = false;
    const run = async (): Promise<MaskDiffState> => {
      const [a, b] = await Promise.all([decodeSide(itemsA, size), decodeSide(itemsB, size)]);
      const classes = diffMaskClasses(a, b, size);
      return { status: 'done', size, classes, disagreement: mergeDisagreements(classes, size) };
    };
    run().then(
      (state) => {
        if (!cancelled) setSettled({ key, state });
      },
      (error: unknown) => {
        if (!cancelled)
          setSettled({
            key,
            state: { status: 'error', message: error instanceof Error ? error.message : String(error) },
          });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [hasMasks, size, itemsA, itemsB, key]);

  if (!hasMasks) return { status: 'none' };
  if (settled && settled.key === key) return settled.state;
  return { status: 'pending' };
}
