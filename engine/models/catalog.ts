/**
 * The models this engine can run, by Clarifai model id. Workflow files name models by id; a node
 * whose model is not here still loads and lists, and answers 21200 when run.
 */
import { createTesseractRunner } from '../runners/ocr/tesseract';
import { createApertiumRunner } from '../runners/translate/apertium';
import type { Runner } from '../runners/types';

export interface CatalogModel {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  /** Clarifai's model type: tells a client what the output holds. */
  readonly modelTypeId: string;
  /** The one version served; a node pinning another version fails with 21200. */
  readonly versionId: string;
  readonly createdAt: string;
  /** Merged under each node's `output_info.params`. */
  readonly defaultParams: Readonly<Record<string, unknown>>;
  /** Called once, on first use (see RunnerRegistry). */
  readonly createRunner: () => Runner;
}

export class ModelCatalog {
  private readonly byId: ReadonlyMap<string, CatalogModel>;

  constructor(models: readonly CatalogModel[]) {
    const byId = new Map<string, CatalogModel>();
    for (const model of models) {
      if (byId.has(model.id)) throw new Error(`model ${model.id} is in the catalog twice`);
      byId.set(model.id, model);
    }
    this.byId = byId;
  }

  get(id: string): CatalogModel | undefined {
    return this.byId.get(id);
  }

  list(): CatalogModel[] {
    return [...this.byId.values()];
  }
}

export function builtinModels(): CatalogModel[] {
  return [
    {
      id: 'ocr-tesseract-english',
      name: 'Tesseract OCR (English)',
      description: 'Reads printed English text with Tesseract 5 (LSTM), one region per line or per word.',
      modelTypeId: 'optical-character-recognizer',
      versionId: '5d0e8f3c2a9b4c61a7e4f1b2c3d4e5f6',
      createdAt: '2025-01-01T00:00:00Z',
      defaultParams: { granularity: 'line' },
      createRunner: () => createTesseractRunner(),
    },
    {
      id: 'text-translation-english-spanish',
      name: 'English to Spanish (Apertium)',
      description: 'Rule-based English to Spanish translation with Apertium eng-spa.',
      modelTypeId: 'text-to-text',
      versionId: '8b7c6d5e4f3a4b2c9d1e0f1a2b3c4d5e',
      createdAt: '2025-01-01T00:00:00Z',
      defaultParams: {},
      createRunner: () => createApertiumRunner({ mode: 'eng-spa', debianPackage: 'apertium-eng-spa' }),
    },
    {
      id: 'text-translation-english-catalan',
      name: 'English to Catalan (Apertium)',
      description: 'Rule-based English to Catalan translation with Apertium eng-cat.',
      modelTypeId: 'text-to-text',
      versionId: '2e4f6a8c0b1d4e3f8a9b7c6d5e4f3a2b',
      createdAt: '2025-01-01T00:00:00Z',
      defaultParams: {},
      createRunner: () => createApertiumRunner({ mode: 'eng-cat', debianPackage: 'apertium-eng-cat' }),
    },
  ];
}

export function defaultCatalog(): ModelCatalog {
  return new ModelCatalog(builtinModels());
}
