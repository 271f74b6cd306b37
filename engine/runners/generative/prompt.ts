/**
 * Prompt templates, as Clarifai's prompter model writes them: `{data.text.raw}` stands for the
 * text the node reads. Only that one placeholder exists; anything else in braces stays as it is.
 */
export const TEXT_PLACEHOLDER = '{data.text.raw}';

export function fillTemplate(template: string | undefined, text: string): string {
  if (template === undefined) return text;
  return template.split(TEXT_PLACEHOLDER).join(text);
}
