import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseYamlFile, ParsedYamlFile, YamlDocument } from './yamlDocuments';

// Directories a repository may carry that are never part of what it deploys.
const SKIPPED_DIRECTORIES = new Set(['.git', 'node_modules', '.venv']);

/**
 * The text files of a repository, read once, with parsed YAML cached, and a
 * directory on disk for the tools that need one (kustomize).
 */
export class RepositorySnapshot {
  readonly #files: Map<string, string>;
  readonly #yaml = new Map<string, ParsedYamlFile>();
  #directory: string | undefined;
  #temporary: string | undefined;

  /** Reads every file under `dir` (skipping `.git` and the like). */
  static async fromDirectory(dir: string): Promise<RepositorySnapshot> {
    const root = path.resolve(dir);
    const stat = await fs.stat(root).catch(() => undefined);
    if (!stat?.isDirectory()) {
      throw new Error(`${dir} is not a directory`);
    }
    const files = new Map<string, string>();
    const walk = async (relative: string) => {
      const entries = await fs.readdir(path.join(root, relative), {
        withFileTypes: true,
      });
      for (const entry of entries) {
        const child = relative ? `${relative}/${entry.name}` : entry.name;
        if (entry.isDirectory() && !SKIPPED_DIRECTORIES.has(entry.name)) {
          await walk(child);
        } else if (entry.isFile()) {
          files.set(child, await fs.readFile(path.join(root, child), 'utf8'));
        }
      }
    };
    await walk('');
    return new RepositorySnapshot(files, root);
  }

  /** Wraps rendered files; they are written to a temporary directory only if a tool needs one. */
  static fromFiles(files: Map<string, string>): RepositorySnapshot {
    return new RepositorySnapshot(new Map(files), undefined);
  }

  private constructor(files: Map<string, string>, directory?: string) {
    this.#files = files;
    this.#directory = directory;
  }

  /** Every repository-relative path, sorted. */
  paths(): string[] {
    return [...this.#files.keys()].sort();
  }

  read(file: string): string | undefined {
    return this.#files.get(file);
  }

  /** The parsed documents of a `.yaml`/`.yml` file (empty for other files). */
  yaml(file: string): ParsedYamlFile {
    let parsed = this.#yaml.get(file);
    if (!parsed) {
      const text = this.#files.get(file);
      parsed =
        text === undefined || !/\.ya?ml$/.test(file)
          ? { documents: [], errors: [] }
          : parseYamlFile(file, text);
      this.#yaml.set(file, parsed);
    }
    return parsed;
  }

  /** Every document of every YAML file. */
  yamlDocuments(): YamlDocument[] {
    return this.paths()
      .filter(file => /\.ya?ml$/.test(file))
      .flatMap(file => this.yaml(file).documents);
  }

  /** Whether `dir` (repository-relative, no trailing slash) holds a kustomization file. */
  kustomizationFile(dir: string): string | undefined {
    const prefix = dir === '' || dir === '.' ? '' : `${dir}/`;
    return ['kustomization.yaml', 'kustomization.yml', 'Kustomization']
      .map(name => `${prefix}${name}`)
      .find(file => this.#files.has(file));
  }

  /** A directory holding the files: the original one, or a temporary copy of rendered files. */
  async directory(): Promise<string> {
    if (this.#directory) return this.#directory;
    const dir = await fs.mkdtemp(
      path.join(os.tmpdir(), 'worker-platform-validate-'),
    );
    for (const [file, content] of this.#files) {
      const target = path.join(dir, ...file.split('/'));
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.writeFile(target, content);
    }
    this.#temporary = dir;
    this.#directory = dir;
    return dir;
  }

  /** Removes the temporary copy, if one was made. */
  async dispose(): Promise<void> {
    if (this.#temporary) {
      await fs.rm(this.#temporary, { recursive: true, force: true });
      this.#temporary = undefined;
      this.#directory = undefined;
    }
  }
}
