/**
 * The on-disk workflow format: Clarifai's YAML export (`workflow: {id, nodes}`) plus our metadata
 * (`description`, `version`). One file per version at `<workflow-id>/<version-id>.yaml`.
 */
import { z } from 'zod';
import type { WorkflowNode } from '../../contract/clarifai';

/** Ids become file and folder names, so they may not contain `/` or start with `.`. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
export const MAX_NODES = 20;

export const ResourceId = z
  .string()
  .regex(ID_PATTERN, 'must be 1-64 letters, digits, "_", "." or "-", starting with a letter or digit');

const Params = z.record(z.string(), z.unknown());

export const FileNode = z.object({
  id: ResourceId,
  // Loose: Clarifai exports carry extra model fields (model_type_id, description) worth keeping.
  model: z.looseObject({
    model_id: z.string().min(1),
    model_version_id: z.string().min(1).optional(),
    user_id: z.string().optional(),
    app_id: z.string().optional(),
    output_info: z.looseObject({ params: Params.optional() }).optional(),
  }),
  // YAML writes an empty `node_inputs:` as null.
  node_inputs: z.array(z.object({ node_id: z.string() })).nullish(),
  suppress_output: z.boolean().optional(),
});
export type FileNode = z.infer<typeof FileNode>;

export const WorkflowFile = z.object({
  workflow: z.object({
    id: ResourceId,
    description: z.string().optional(),
    version: z.object({
      id: ResourceId,
      created_at: z.iso.datetime({ offset: true }),
      description: z.string().optional(),
    }),
    nodes: z.array(FileNode),
  }),
});
export type WorkflowFile = z.infer<typeof WorkflowFile>;

/** An API node (`model.id`, `model.model_version.id`) in file form. */
export function fileNodeFromApi(node: WorkflowNode): FileNode {
  const params = { ...node.model.output_info?.params, ...node.output_info_override?.params };
  const { model } = node;
  return {
    id: node.id,
    model: {
      model_id: model.id,
      ...(model.model_version?.id ? { model_version_id: model.model_version.id } : {}),
      ...(model.user_id ? { user_id: model.user_id } : {}),
      ...(model.app_id ? { app_id: model.app_id } : {}),
      ...(Object.keys(params).length > 0 ? { output_info: { params } } : {}),
    },
    ...(node.node_inputs?.length ? { node_inputs: node.node_inputs.map(({ node_id }) => ({ node_id })) } : {}),
    ...(node.suppress_output ? { suppress_output: true } : {}),
  };
}

export function nodeParams(node: FileNode): Record<string, unknown> {
  return { ...node.model.output_info?.params };
}
