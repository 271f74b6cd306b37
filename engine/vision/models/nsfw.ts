/**
 * NSFWJS's MobileNetV2 (MIT, infinitered): a 5-class moderation classifier, and through its
 * 1280-d penultimate layer (`flatten_1`, the pooled MobileNetV2 features) a general-purpose image
 * embedding. No ImageNet classifier ships in any installable package, so this is the embedder.
 *
 * Loading: nsfwjs ships the model as two browserify bundles (model.min.js, a base64 weights
 * string). nsfwjs's own loader decodes the base64 one character at a time and takes 6-10 s; we
 * `require` the bundles (about 25 ms) and hand tfjs the decoded bytes, which loads in ~0.1 s, so
 * no exported copy on disk is needed (nothing to cache, invalidate or write).
 */
import { createRequire } from 'node:module';
import type { LayersModel, SymbolicTensor, Tensor } from '@tensorflow/tfjs';
import { op, type ModelHandlers } from '../handlers';
import { modelFiles } from '../model-files';
import { visionSpecs } from '../protocol';
import { toArrayBuffer } from '../bytes';
import { decodeRgb, tf, tfReady } from '../runtime';
import { sortConcepts } from './face-concepts';

const require = createRequire(import.meta.url);
const SIZE = 224;
const EMBEDDING_LAYER = 'flatten_1';
/** nsfwjs's class order (its nsfw_classes.js). */
const CLASSES = ['Drawing', 'Hentai', 'Neutral', 'Porn', 'Sexy'] as const;

interface BundledModel {
  modelTopology: object;
  weightsManifest: tf.io.WeightsManifestConfig;
}

function isBundledModel(value: unknown): value is BundledModel {
  return (
    typeof value === 'object' &&
    value !== null &&
    'modelTopology' in value &&
    typeof value.modelTopology === 'object' &&
    'weightsManifest' in value &&
    Array.isArray(value.weightsManifest)
  );
}

async function loadBundled(): Promise<LayersModel> {
  const files = modelFiles();
  const json: unknown = require(files.nsfwModelJs);
  const weights: unknown = require(files.nsfwWeightsJs);
  if (!isBundledModel(json) || typeof weights !== 'string') throw new Error('nsfwjs model bundles have an unexpected shape');
  const weightData = toArrayBuffer(Buffer.from(weights, 'base64'));
  const weightSpecs = json.weightsManifest.flatMap((group) => group.weights);
  await tfReady();
  return tf.loadLayersModel(tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs, weightData }));
}

export async function loadNsfw(): Promise<ModelHandlers<'nsfw'>> {
  const base = await loadBundled();
  const embeddingOutput = base.getLayer(EMBEDDING_LAYER).output;
  const classOutput = base.outputs[0];
  if (Array.isArray(embeddingOutput) || !classOutput) throw new Error('nsfwjs model has an unexpected layout');
  // One forward pass gives both the embedding and the class scores.
  const model = tf.model({ inputs: base.inputs, outputs: [embeddingOutput satisfies SymbolicTensor, classOutput] });

  async function run(image: Uint8Array): Promise<{ embedding: Float32Array; classes: Float32Array }> {
    const rgb = await decodeRgb(image, { exact: { width: SIZE, height: SIZE } });
    const outputs = tf.tidy(() => model.predict(tf.div(tf.tensor4d(Float32Array.from(rgb.data), [1, SIZE, SIZE, 3]), 255)));
    const list: Tensor[] = Array.isArray(outputs) ? outputs : [outputs];
    try {
      const [embedding, classes] = list;
      if (!embedding || !classes) throw new Error('nsfwjs model returned fewer outputs than expected');
      return { embedding: await embedding.data<'float32'>(), classes: await classes.data<'float32'>() };
    } finally {
      tf.dispose(list);
    }
  }

  return {
    embed: op(visionSpecs.nsfw.embed.payload, async ({ image }) => {
      const { embedding } = await run(image);
      return { result: { vector: Array.from(embedding) } };
    }),
    classify: op(visionSpecs.nsfw.classify.payload, async ({ image }) => {
      const { classes } = await run(image);
      const concepts = CLASSES.map((name, i) => ({ id: name.toLowerCase(), name, value: classes[i] ?? 0 }));
      return { result: { concepts: sortConcepts(concepts) } };
    }),
  };
}
