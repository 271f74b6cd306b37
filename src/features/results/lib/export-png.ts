/**
 * "Download PNG": the scene on screen, drawn at the picture's natural size. The drawing itself is
 * `sceneToCommands` (pure, tested); this file loads the pictures the commands name and saves.
 */
import { replay } from '@/lib/draw-commands';
import { downloadBlob } from '@/lib/download';
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
  // toBlob throws a SecurityError when a picture from another site, served without CORS, was drawn.
  const blob = await new Promise<Blob | null>((resolve, reject) => {
    try {
      canvas.toBlob(resolve, 'image/png');
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
  if (!blob) throw new Error('the browser could not encode the PNG');
  downloadBlob(blob, fileName);
}
