/**
 * Text generation through a configured OpenAI-compatible endpoint (`POST {base}/chat/completions`):
 * the node's text, or `prompt_template` with `{data.text.raw}` filled in, is the user message;
 * the answer's first choice is `text.raw`.
 */
import { z } from 'zod';
import type { Runner } from '../types';
import { ItemFailure } from '../vision/sources';
import { StatusCode } from '../../../contract/clarifai';
import type { GenerativeEndpoint } from './endpoint';
import { fillTemplate, TEXT_PLACEHOLDER } from './prompt';
import { createEndpointRunner } from './runner';

export const ChatParams = z.looseObject({
  /** The endpoint's model name, e.g. gpt-4o-mini, or llama3.2 on Ollama. */
  model: z.string().min(1),
  system_prompt: z.string().optional(),
  prompt_template: z
    .string()
    .refine((template) => template.includes(TEXT_PLACEHOLDER), `must contain ${TEXT_PLACEHOLDER}`)
    .optional(),
  temperature: z.number().min(0).max(2).optional(),
  max_tokens: z.number().int().min(1).max(32_768).default(512),
});

const ChatAnswer = z.looseObject({
  choices: z
    .array(z.looseObject({ message: z.looseObject({ content: z.string().nullable().optional() }) }))
    .min(1),
});

export function createTextGenerationRunner(model: string, endpoint: GenerativeEndpoint | undefined): Runner {
  return createEndpointRunner({
    model,
    task: 'text generation',
    params: ChatParams,
    endpoint,
    async run(client, text, params, signal) {
      const messages = [
        ...(params.system_prompt ? [{ role: 'system', content: params.system_prompt }] : []),
        { role: 'user', content: fillTemplate(params.prompt_template, text) },
      ];
      const answer = ChatAnswer.safeParse(
        await client.post(
          'chat/completions',
          {
            model: params.model,
            messages,
            max_tokens: params.max_tokens,
            ...(params.temperature === undefined ? {} : { temperature: params.temperature }),
          },
          signal,
        ),
      );
      if (!answer.success) {
        throw new ItemFailure(
          StatusCode.MODEL_PREDICTION_FAILED,
          `${client.where}/chat/completions answered without choices[0].message`,
        );
      }
      const content = answer.data.choices[0]?.message.content ?? '';
      return { text: { raw: client.redact(content) } };
    },
  });
}
