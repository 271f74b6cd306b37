/**
 * `output_config` filters on concepts (min_value, max_concepts, select_concepts), applied after
 * the model ran so runners need not know about them. Reaches concepts nested in regions and frames.
 */
import type { Concept, Data, OutputConfig } from '../../contract/clarifai';

export function applyOutputConfig(data: Data, config: OutputConfig): Data {
  const selected = (config.select_concepts ?? []).flatMap((concept) => [concept.id, concept.name]).filter((key) => key !== undefined);
  const active = (config.min_value ?? 0) > 0 || (config.max_concepts ?? 0) > 0 || selected.length > 0;
  if (!active) return data;
  const keys = new Set(selected);
  const filter = (concepts: Concept[]): Concept[] => {
    let kept = keys.size > 0 ? concepts.filter((c) => keys.has(c.id) || (c.name !== undefined && keys.has(c.name))) : concepts;
    if ((config.min_value ?? 0) > 0) kept = kept.filter((c) => (c.value ?? 0) >= (config.min_value ?? 0));
    if ((config.max_concepts ?? 0) > 0) kept = kept.slice(0, config.max_concepts);
    return kept;
  };
  const visit = (node: Data): Data => ({
    ...node,
    ...(node.concepts ? { concepts: filter(node.concepts) } : {}),
    ...(node.regions ? { regions: node.regions.map((r) => (r.data ? { ...r, data: visit(r.data) } : r)) } : {}),
    ...(node.frames ? { frames: node.frames.map((f) => (f.data ? { ...f, data: visit(f.data) } : f)) } : {}),
  });
  return visit(data);
}
