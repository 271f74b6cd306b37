/**
 * "Download PNG": the scene on screen, drawn at the picture's natural size. The drawing itself is
 * `sceneToCommands` (pure, tested); this file loads the pictures the commands name and saves.
 */
import { replay, type DrawCommand } from '@/lib/draw-commands';
import { downloadBlob } from '@/lib/download';
import type { Rect, Size } from '@/lib/geometry';
import { BASE_IMAGE, maskSource, sceneToCommands, type Scene } from '@/features/results/lib/scene';
import { loadImage, paintMask } from '@/features/results/lib/mask-raster';

export async function exportScenePng(
  scene: Scene,
  view: { maskOpacity: number },
  baseUrl: string,
  fileName: string,
): Promise<void> {
  const { width, height } = scene.size;
  const sources = new Map<string, CanvasImageSource>();
  sources.set(BASE_IMAGE, await loadImage(baseUrl));
  for (const mask of scene.masks) {
    const raster = document.createElement('canvas');
    raster.width = width;
    raster.height = height;
    paintMask(raster, await loadImage(mask.src), mask.color, scene.size);
    sources.set(maskSource(mask.index), raster);
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('this browser cannot draw on a canvas');
  replay(context, sceneToCommands(scene, view), (key) => sources.get(key));
  downloadBlob(await canvasPng(canvas), fileName);
}

/** The canvas as a PNG blob, with a readable error for a picture the browser will not let out. */
function canvasPng(canvas: HTMLCanvasElement): Promise<Blob> {
  // toBlob throws a SecurityError when a picture from another site, served without CORS, was drawn.
  return new Promise<Blob>((resolve, reject) => {
    try {
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('the browser could not encode the PNG'))),
        'image/png',
      );
    } catch (error) {
      reject(
        error instanceof Error && error.name === 'SecurityError'
          ? new Error(
              'the input is on another site that does not allow copying it; save it and drop the file instead',
            )
          : error,
      );
    }
  });
}

/** One scene placed on a larger picture: moved by (dx, dy), cut to `clip`, outlines maybe dashed. */
export interface PngLayer {
  scene: Scene;
  maskOpacity: number;
  dx: number;
  dy: number;
  /** In the scene's own pixels (before the move); null draws all of it. */
  clip: Rect | null;
  /** Outline dash in the scene's pixels; undefined for solid lines. */
  dash: readonly number[] | undefined;
  /** Whether this layer draws the input picture under its boxes (a second layer over the first does not). */
  base: boolean;
}

/**
 * Several scenes of the same input on one picture of `size` (two versions side by side, split at a
 * divider, or one over the other), then `overlay` commands (labels, the divider) on top, as a PNG.
 */
export async function renderLayersPng(
  size: Size,
  baseUrl: string,
  layers: readonly PngLayer[],
  overlay: readonly DrawCommand[],
): Promise<Blob> {
  const base = await loadImage(baseUrl);
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('this browser cannot draw on a canvas');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, size.width, size.height);
  for (const layer of layers) {
    const sources = new Map<string, CanvasImageSource>([[BASE_IMAGE, base]]);
    for (const mask of layer.scene.masks) {
      const raster = document.createElement('canvas');
      raster.width = layer.scene.size.width;
      raster.height = layer.scene.size.height;
      paintMask(raster, await loadImage(mask.src), mask.color, layer.scene.size);
      sources.set(maskSource(mask.index), raster);
    }
    const commands = sceneToCommands(layer.scene, { maskOpacity: layer.maskOpacity }).filter(
      (command) => layer.base || command.op !== 'image' || command.source !== BASE_IMAGE,
    );
    context.save();
    context.translate(layer.dx, layer.dy);
    if (layer.clip) {
      context.beginPath();
      context.rect(layer.clip.x, layer.clip.y, layer.clip.width, layer.clip.height);
      context.clip();
    }
    // Kept through replay, which saves and restores around each command.
    context.setLineDash(layer.dash ? [...layer.dash] : []);
    replay(context, commands, (key) => sources.get(key));
    context.restore();
  }
  replay(context, overlay, () => undefined);
  return canvasPng(canvas);
}
