/**
 * Workflows on disk, held in memory. Files are read once at start; a new version is written
 * atomically and served from memory at once, so readers never wait for the disk.
 */
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { z } from 'zod';
import { newId } from '../ids';
import { TEMP_FILE, writeFileAtomic } from './atomic-write';
import type { FileNode} from './format';
import { ID_PATTERN, WorkflowFile } from './format';
import { validateGraph } from './graph';

export interface StoredVersion {
  readonly id: string;
  readonly workflowId: string;
  readonly createdAt: string;
  readonly description?: string;
  readonly workflowDescription?: string;
  readonly nodes: readonly FileNode[];
}

export interface StoredWorkflow {
  readonly id: string;
  /** Newest first. Never empty. */
  readonly versions: readonly StoredVersion[];
}

export interface NewVersion {
  readonly nodes: readonly FileNode[];
  readonly description?: string;
  readonly workflowDescription?: string;
}

export interface StoreOptions {
  /** Told about files that are skipped; defaults to console.warn. */
  readonly warn?: (message: string) => void;
  readonly now?: () => Date;
}

export class WorkflowStore {
  private readonly workflows = new Map<string, StoredWorkflow>();
  // Versions are written one at a time so two PATCHes cannot interleave their timestamps.
  private writing: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly dir: string,
    private readonly now: () => Date,
  ) {}

  static async open(dir: string, options: StoreOptions = {}): Promise<WorkflowStore> {
    const store = new WorkflowStore(dir, options.now ?? (() => new Date()));
    await store.loadAll(options.warn ?? ((message) => console.warn(message)));
    return store;
  }

  /** Sorted by id, so pages are stable. */
  list(): StoredWorkflow[] {
    return [...this.workflows.values()].sort((a, b) => a.id.localeCompare(b.id));
  }

  get(id: string): StoredWorkflow | undefined {
    return this.workflows.get(id);
  }

  /** Writes a new latest version of an existing workflow. The caller validated the graph. */
  addVersion(workflowId: string, version: NewVersion): Promise<StoredVersion> {
    const write = this.writing.then(() => this.writeVersion(workflowId, version));
    this.writing = write.catch(() => undefined);
    return write;
  }

  private async writeVersion(workflowId: string, version: NewVersion): Promise<StoredVersion> {
    const workflow = this.workflows.get(workflowId);
    if (!workflow) throw new Error(`workflow ${workflowId} does not exist`);
    const problems = validateGraph(version.nodes);
    if (problems.length > 0) throw new Error(`invalid workflow graph: ${problems.join('; ')}`);
    const latest = workflow.versions[0];
    const stored: StoredVersion = {
      id: newId(),
      workflowId,
      createdAt: this.nextTimestamp(latest?.createdAt),
      ...(version.description !== undefined ? { description: version.description } : {}),
      ...withWorkflowDescription(version.workflowDescription ?? latest?.workflowDescription),
      nodes: version.nodes,
    };
    const file: WorkflowFile = {
      workflow: {
        id: workflowId,
        ...(stored.workflowDescription !== undefined ? { description: stored.workflowDescription } : {}),
        version: {
          id: stored.id,
          created_at: stored.createdAt,
          ...(stored.description !== undefined ? { description: stored.description } : {}),
        },
        nodes: [...stored.nodes],
      },
    };
    const folder = path.join(this.dir, workflowId);
    await mkdir(folder, { recursive: true });
    await writeFileAtomic(path.join(folder, `${stored.id}.yaml`), stringify(file));
    this.workflows.set(workflowId, { id: workflowId, versions: sortVersions([stored, ...workflow.versions]) });
    return stored;
  }

  /** "Newest first" must hold even if the clock is coarse or went backwards. */
  private nextTimestamp(previous: string | undefined): string {
    const now = this.now().getTime();
    const after = previous === undefined ? now : Math.max(now, Date.parse(previous) + 1);
    return new Date(after).toISOString();
  }

  private async loadAll(warn: (message: string) => void): Promise<void> {
    let folders: string[];
    try {
      folders = (await readdir(this.dir, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
    } catch (error) {
      throw new Error(`cannot read the workflows folder ${this.dir}`, { cause: error });
    }
    for (const folder of folders.sort()) {
      if (!ID_PATTERN.test(folder)) continue;
      const versions: StoredVersion[] = [];
      const names = await readdir(path.join(this.dir, folder));
      await removeLeftoverTemps(path.join(this.dir, folder), names, warn);
      const files = names.filter((name) => name.endsWith('.yaml') && !name.startsWith('.'));
      for (const name of files.sort()) {
        const file = path.join(this.dir, folder, name);
        const loaded = parseVersionFile(await readFile(file, 'utf8'));
        if (typeof loaded === 'string') {
          warn(`skipping ${file}: ${loaded}`);
        } else if (loaded.workflowId !== folder || `${loaded.id}.yaml` !== name) {
          warn(`skipping ${file}: it declares workflow ${loaded.workflowId} version ${loaded.id}; the path must be <workflow-id>/<version-id>.yaml`);
        } else {
          versions.push(loaded);
        }
      }
      if (versions.length > 0) this.workflows.set(folder, { id: folder, versions: sortVersions(versions) });
    }
  }
}

/**
 * A crash (kill -9, power loss) in the middle of `writeFileAtomic` leaves its `.name.yaml.<hex>.tmp`
 * behind: never read (dot files are skipped), but removed here so they do not pile up.
 */
async function removeLeftoverTemps(folder: string, names: readonly string[], warn: (message: string) => void) {
  for (const name of names.filter((entry) => TEMP_FILE.test(entry))) {
    await rm(path.join(folder, name), { force: true }).catch((error: unknown) =>
      warn(`cannot remove the leftover temporary file ${path.join(folder, name)}: ${String(error)}`),
    );
  }
}

/** A version file's content, or why it cannot be used. */
export function parseVersionFile(text: string): StoredVersion | string {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    return `not valid YAML (${error instanceof Error ? error.message : String(error)})`;
  }
  const parsed = WorkflowFile.safeParse(raw);
  if (!parsed.success) return z.prettifyError(parsed.error).replaceAll('\n', ' ');
  const { workflow } = parsed.data;
  const problems = validateGraph(workflow.nodes);
  if (problems.length > 0) return problems.join('; ');
  return {
    id: workflow.version.id,
    workflowId: workflow.id,
    createdAt: new Date(workflow.version.created_at).toISOString(),
    ...(workflow.version.description !== undefined ? { description: workflow.version.description } : {}),
    ...withWorkflowDescription(workflow.description),
    nodes: workflow.nodes,
  };
}

function withWorkflowDescription(description: string | undefined): { workflowDescription?: string } {
  return description === undefined ? {} : { workflowDescription: description };
}

function sortVersions(versions: StoredVersion[]): StoredVersion[] {
  return versions.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
}
