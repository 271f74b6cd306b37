/**
 * Face attributes on a face crop: emotion (oarriaga FER-2013 CNN, MIT) and FaceRes (HSE, age,
 * gender and a 1024-d descriptor), both from Human's models folder. We run the graph models
 * ourselves instead of through Human's pipeline because the input is already a crop (the
 * workflow's crop node made it): Human would run the detector again and could miss the face.
 * Preprocessing copies Human's (src/gear/emotion.ts, src/face/faceres.ts) so scores match it.
 */
import path from 'node:path';
import type { GraphModel, Tensor } from '@tensorflow/tfjs';
import { op, type ModelHandlers } from '../handlers';
import { modelFiles } from '../model-files';
import { visionSpecs, type FaceAttributesResult } from '../protocol';
import { decodeRgb, loadGraphModelFile, tf } from '../runtime';
import { EMOTION_COUNT, ageConcepts, emotionConcepts, genderConcepts } from './face-concepts';

const FACERES_SIZE = 224;
const EMOTION_SIZE = 64;
/** ITU-R 601 luma weights, as Human converts the crop to grey for the emotion model. */
const LUMA = [0.2989, 0.587, 0.114];

export async function loadFaceAttributes(): Promise<ModelHandlers<'face-attributes'>> {
  const dir = modelFiles().humanModels;
  const [emotion, faceres] = await Promise.all([
    loadGraphModelFile(path.join(dir, 'emotion.json')),
    loadGraphModelFile(path.join(dir, 'faceres.json')),
  ]);
  return {
    predict: op(visionSpecs['face-attributes'].predict.payload, async ({ image, which }) => {
      const rgb = await decodeRgb(image, { exact: { width: FACERES_SIZE, height: FACERES_SIZE } });
      const wanted = new Set(which);
      const result: FaceAttributesResult = {};
      const pixels = tf.tensor4d(Float32Array.from(rgb.data), [1, rgb.height, rgb.width, 3]);
      try {
        if (wanted.has('emotion')) result.emotion = emotionConcepts(await runEmotion(emotion, pixels));
        if (wanted.has('age') || wanted.has('gender') || wanted.has('embedding')) {
          const { gender, age, descriptor } = await runFaceRes(faceres, pixels);
          if (wanted.has('gender')) result.gender = genderConcepts(gender);
          if (wanted.has('age')) {
            const { concepts, meanYears } = ageConcepts(age);
            result.age = concepts;
            result.ageYears = Math.round(meanYears * 10) / 10;
          }
          if (wanted.has('embedding')) result.embedding = Array.from(descriptor);
        }
      } finally {
        pixels.dispose();
      }
      return { result };
    }),
  };
}

async function runEmotion(model: GraphModel, pixels: Tensor): Promise<Float32Array> {
  const output = tf.tidy(() => {
    const small = tf.image.resizeBilinear(tf.div<tf.Tensor4D>(pixels, 255), [EMOTION_SIZE, EMOTION_SIZE]);
    const grey = tf.sum(tf.mul(small, tf.tensor1d(LUMA)), 3, true);
    return model.execute(tf.mul(tf.sub(grey, 0.5), 2));
  });
  const tensor = single(output, 'emotion');
  try {
    const values = await tensor.data<'float32'>();
    if (values.length !== EMOTION_COUNT) throw new Error(`emotion model returned ${values.length} values`);
    return values;
  } finally {
    tensor.dispose();
  }
}

async function runFaceRes(model: GraphModel, pixels: Tensor): Promise<{ gender: number; age: Float32Array; descriptor: Float32Array }> {
  // FaceRes takes 0..255 RGB at 224x224, which is what `pixels` already is.
  const outputs = tf.tidy(() => model.execute(pixels));
  const list = Array.isArray(outputs) ? outputs : [outputs];
  try {
    // Human tells the three heads apart by width, not by name or order; so do we.
    const byWidth = (width: number): Tensor => {
      const found = list.find((t) => t.shape[1] === width);
      if (!found) throw new Error(`FaceRes has no output of width ${width}`);
      return found;
    };
    const gender = (await byWidth(1).data<'float32'>())[0];
    if (gender === undefined || Number.isNaN(gender)) throw new Error('FaceRes returned no gender score');
    return { gender, age: await byWidth(100).data<'float32'>(), descriptor: await byWidth(1024).data<'float32'>() };
  } finally {
    tf.dispose(list);
  }
}

function single(output: Tensor | Tensor[], name: string): Tensor {
  if (!Array.isArray(output)) return output;
  tf.dispose(output.slice(1));
  const first = output[0];
  if (!first) throw new Error(`${name} model returned no output`);
  return first;
}
