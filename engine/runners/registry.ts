import type { CatalogModel } from '../models/catalog';
import type { Runner } from './types';

/** One runner instance per model, created on first use so an unused model costs nothing. */
export class RunnerRegistry {
  private readonly runners = new Map<string, Runner>();

  runnerFor(model: CatalogModel): Runner {
    let runner = this.runners.get(model.id);
    if (!runner) {
      runner = model.createRunner();
      this.runners.set(model.id, runner);
    }
    return runner;
  }

  async closeAll(): Promise<void> {
    const runners = [...this.runners.values()];
    this.runners.clear();
    await Promise.allSettled(runners.map((runner) => runner.close()));
  }
}
