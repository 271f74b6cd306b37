/** Stored workflows and catalog models in the API's shapes (contract `Workflow`, `Model`, ...). */
import type { Model, Workflow, WorkflowNode, WorkflowVersion } from '../../contract/clarifai';
import type { CatalogModel, ModelCatalog } from '../models/catalog';
import { nodeParams, type FileNode } from './format';
import type { StoredVersion, StoredWorkflow } from './store';

/** Who a resource is rendered for: the same workflows answer as `local/main` and `clarifai/main`. */
export interface Owner {
  readonly user_id: string;
  readonly app_id: string;
}

export function renderModel(model: CatalogModel, owner: Owner): Model {
  return {
    id: model.id,
    name: model.name,
    description: model.description,
    model_type_id: model.modelTypeId,
    user_id: owner.user_id,
    app_id: owner.app_id,
    created_at: model.createdAt,
    model_version: { id: model.versionId, created_at: model.createdAt },
    output_info: { params: { ...model.defaultParams } },
  };
}

/** The model as an output names it: enough to tell which model answered. */
export function renderModelRef(node: FileNode, catalog: ModelCatalog, owner: Owner): Model {
  const known = catalog.get(node.model.model_id);
  const versionId = node.model.model_version_id ?? known?.versionId;
  return {
    id: node.model.model_id,
    ...(known ? { name: known.name, model_type_id: known.modelTypeId } : {}),
    user_id: node.model.user_id ?? owner.user_id,
    app_id: node.model.app_id ?? owner.app_id,
    ...(versionId ? { model_version: { id: versionId } } : {}),
  };
}

export function renderNode(node: FileNode, catalog: ModelCatalog, owner: Owner): WorkflowNode {
  const known = catalog.get(node.model.model_id);
  const params = { ...known?.defaultParams, ...nodeParams(node) };
  return {
    id: node.id,
    model: { ...renderModelRef(node, catalog, owner), output_info: { params } },
    ...(node.node_inputs?.length ? { node_inputs: node.node_inputs.map(({ node_id }) => ({ node_id })) } : {}),
    ...(node.suppress_output ? { suppress_output: true } : {}),
  };
}

export function renderVersion(version: StoredVersion, catalog: ModelCatalog, owner: Owner): WorkflowVersion {
  return {
    id: version.id,
    workflow_id: version.workflowId,
    created_at: version.createdAt,
    modified_at: version.createdAt,
    ...(version.description !== undefined ? { description: version.description } : {}),
    nodes: version.nodes.map((node) => renderNode(node, catalog, owner)),
    user_id: owner.user_id,
    app_id: owner.app_id,
  };
}

/** The workflow as of `version` (default: the latest). */
export function renderWorkflow(
  workflow: StoredWorkflow,
  catalog: ModelCatalog,
  owner: Owner,
  version: StoredVersion | undefined = workflow.versions[0],
): Workflow {
  const oldest = workflow.versions[workflow.versions.length - 1];
  const newest = workflow.versions[0];
  const rendered = version ? renderVersion(version, catalog, owner) : undefined;
  const description = version?.workflowDescription;
  return {
    id: workflow.id,
    user_id: owner.user_id,
    app_id: owner.app_id,
    ...(oldest ? { created_at: oldest.createdAt } : {}),
    ...(newest ? { modified_at: newest.createdAt } : {}),
    ...(description !== undefined ? { description } : {}),
    ...(rendered ? { nodes: rendered.nodes, version: rendered } : {}),
  };
}
