/**
 * Where every model's files live. All of them ship inside installed npm packages (or, for
 * `selfie`, inside this folder), so nothing is ever downloaded: a missing file means a broken
 * install, and the first task that needs it fails with a clear message instead of the engine.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * A package's root folder. Resolves the package's entry point and walks up to its
 * package.json, because several of these packages have `exports` maps that hide
 * `package.json` itself (and @vladmandic/human's map is broken for ESM).
 */
export function packageRoot(name: string): string {
  let dir = path.dirname(require.resolve(name));
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && readManifestName(manifest) === name) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`cannot find the package folder of ${name}`);
    dir = parent;
  }
}

function readManifestName(file: string): unknown {
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
  return typeof parsed === 'object' && parsed !== null && 'name' in parsed ? parsed.name : undefined;
}

let cached: ModelFiles | undefined;

export interface ModelFiles {
  /** Folder holding tfjs-backend-wasm's `*.wasm` files (with a trailing slash, as tfjs wants). */
  readonly wasmDir: string;
  /** Human's bundle for Node + wasm, loaded by path (its `exports` map is broken). */
  readonly humanBundle: string;
  /** Human's models folder (blazeface, centernet, emotion, faceres...), trailing slash. */
  readonly humanModels: string;
  readonly nsfwModelJs: string;
  readonly nsfwWeightsJs: string;
  readonly selfieJson: string;
  readonly upscaleX2Json: string;
  readonly upscaleX4Json: string;
}

export function modelFiles(): ModelFiles {
  if (cached) return cached;
  const human = packageRoot('@vladmandic/human');
  const nsfw = path.join(packageRoot('nsfwjs'), 'dist/models/mobilenet_v2');
  cached = {
    wasmDir: path.join(packageRoot('@tensorflow/tfjs-backend-wasm'), 'dist') + path.sep,
    humanBundle: path.join(human, 'dist/human.node-wasm.js'),
    humanModels: path.join(human, 'models') + path.sep,
    nsfwModelJs: path.join(nsfw, 'model.min.js'),
    nsfwWeightsJs: path.join(nsfw, 'group1-shard1of1.min.js'),
    selfieJson: path.join(here, 'models/selfie/selfie.json'),
    upscaleX2Json: path.join(packageRoot('@upscalerjs/default-model'), 'models/model.json'),
    upscaleX4Json: path.join(packageRoot('@upscalerjs/esrgan-slim'), 'models/x4/model.json'),
  };
  return cached;
}
