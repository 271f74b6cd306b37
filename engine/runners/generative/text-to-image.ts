/**
 * Text to image through a configured OpenAI-compatible endpoint (`POST {base}/images/generations`,
 * `b64_json`): the image comes back as `data.image {base64, image_info {width, height, format}}`,
 * measured with sharp, as Clarifai's text-to-image models answer.
 */
import sharp, { type Metadata } from 'sharp';
import { z } from 'zod';
import { StatusCode } from '../../../contract/clarifai';
import { decodeBase64 } from '../../media/base64';
import { MEDIA_LIMITS } from '../../media/limits';
import type { Runner } from '../types';
import { ItemFailure } from '../vision/sources';
import type { GenerativeEndpoint } from './endpoint';
import { fillTemplate, TEXT_PLACEHOLDER } from './prompt';
import { createEndpointRunner } from './runner';

export const ImageParams = z.looseObject({
  /** e.g. dall-e-3, gpt-image-1. */
  model: z.string().min(1),
  size: z
    .string()
    .regex(/^\d{2,5}x\d{2,5}$/, 'must be WIDTHxHEIGHT, e.g. 1024x1024')
    .optional(),
  quality: z.string().min(1).optional(),
  prompt_template: z
    .string()
    .refine((template) => template.includes(TEXT_PLACEHOLDER), `must contain ${TEXT_PLACEHOLDER}`)
    .optional(),
});

const ImageAnswer = z.looseObject({
  data: z.array(z.looseObject({ b64_json: z.string().optional(), url: z.string().optional() })).min(1),
});

export function createTextToImageRunner(model: string, endpoint: GenerativeEndpoint | undefined): Runner {
  return createEndpointRunner({
    model,
    task: 'text-to-image',
    params: ImageParams,
    endpoint,
    async run(client, text, params, signal) {
      const body = {
        model: params.model,
        prompt: fillTemplate(params.prompt_template, text),
        n: 1,
        ...(params.size ? { size: params.size } : {}),
        ...(params.quality ? { quality: params.quality } : {}),
        // gpt-image models always answer base64 and refuse the parameter; the others need it.
        ...(params.model.startsWith('gpt-image') ? {} : { response_format: 'b64_json' }),
      };
      const answer = ImageAnswer.safeParse(await client.post('images/generations', body, signal));
      const first = answer.success ? answer.data.data[0] : undefined;
      if (!first?.b64_json) {
        throw new ItemFailure(
          StatusCode.MODEL_PREDICTION_FAILED,
          `${client.where}/images/generations answered ${first?.url ? 'a URL' : 'no image'}, not data[0].b64_json`,
        );
      }
      const bytes = decodeBase64(first.b64_json, MEDIA_LIMITS.imageBytes, 'the generated image');
      let meta: Metadata;
      try {
        meta = await sharp(bytes).metadata();
      } catch {
        throw new ItemFailure(
          StatusCode.MODEL_PREDICTION_FAILED,
          'the endpoint answered an image that cannot be decoded',
        );
      }
      return {
        image: {
          base64: bytes.toString('base64'),
          image_info: {
            width: meta.width ?? 0,
            height: meta.height ?? 0,
            format: (meta.format ?? 'png').toUpperCase(),
          },
        },
      };
    },
  });
}
