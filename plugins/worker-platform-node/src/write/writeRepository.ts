import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

/**
 * Options of {@link writeRepository}.
 *
 * @public
 */
export interface WriteRepositoryOptions {
  /**
   * Write into a directory that already has content: generated files replace
   * files of the same path, every other file (a `.git`, hand-written notes)
   * stays. Without it a non-empty target is refused.
   */
  force?: boolean;
}

/**
 * Thrown before anything is written when the target or one of the paths
 * cannot be written as asked.
 *
 * @public
 */
export class WriteRepositoryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WriteRepositoryError';
  }
}

/**
 * Thrown when the target has content and `force` was not given.
 *
 * @public
 */
export class TargetNotEmptyError extends WriteRepositoryError {
  constructor(target: string) {
    super(`${target} is not empty; refusing to overwrite it`);
    this.name = 'TargetNotEmptyError';
  }
}

/**
 * Writes a rendered repository (relative posix path to content) into
 * `targetDir`, all or nothing: every file is first written into a staging
 * directory next to the target (same file system, so moving is a rename),
 * and only once all of them are on disk are they moved into place. A failure
 * while staging leaves the target untouched.
 *
 * Files whose content starts with `#!` are made executable, since the map
 * carries no file modes and such files are scripts.
 *
 * @public
 */
export async function writeRepository(
  targetDir: string,
  files: ReadonlyMap<string, string>,
  options: WriteRepositoryOptions = {},
): Promise<void> {
  const target = path.resolve(targetDir);
  const relativePaths = [...files.keys()].map(checkRelativePath);
  const existing = await inspectTarget(target);
  if (existing === 'non-empty' && !options.force) {
    throw new TargetNotEmptyError(target);
  }
  if (existing === 'non-empty') {
    await checkNoCollisions(target, relativePaths);
  }

  const parent = path.dirname(target);
  await fs.mkdir(parent, { recursive: true });
  const staging = path.join(
    parent,
    `.${path.basename(target)}.staging-${randomBytes(6).toString('hex')}`,
  );
  try {
    await fs.mkdir(staging);
    for (const relativePath of relativePaths) {
      const content = files.get(relativePath)!;
      const file = path.join(staging, relativePath);
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.writeFile(file, content, {
        mode: content.startsWith('#!') ? 0o755 : 0o644,
      });
    }
    if (existing === 'missing') {
      await fs.rename(staging, target);
      return;
    }
    for (const relativePath of relativePaths) {
      const destination = path.join(target, relativePath);
      await fs.mkdir(path.dirname(destination), { recursive: true });
      await fs.rename(path.join(staging, relativePath), destination);
    }
  } finally {
    await fs.rm(staging, { recursive: true, force: true });
  }
}

/** Rejects paths that would land outside the target or are not plain files. */
function checkRelativePath(relativePath: string): string {
  const normalized = path.posix.normalize(relativePath);
  if (
    relativePath === '' ||
    path.posix.isAbsolute(relativePath) ||
    relativePath.includes('\\') ||
    relativePath.includes('\0') ||
    normalized !== relativePath ||
    normalized.split('/').some(segment => segment === '..' || segment === '.')
  ) {
    throw new WriteRepositoryError(
      `refusing to write "${relativePath}": paths must be relative, normalized and stay inside the target`,
    );
  }
  return relativePath;
}

async function inspectTarget(
  target: string,
): Promise<'missing' | 'empty' | 'non-empty'> {
  let entries: string[];
  try {
    entries = await fs.readdir(target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'missing';
    if (code === 'ENOTDIR') {
      throw new WriteRepositoryError(`${target} exists and is not a directory`);
    }
    throw error;
  }
  return entries.length === 0 ? 'empty' : 'non-empty';
}

/**
 * Finds, before anything moves, the files that could not be moved into an
 * existing target: a generated file where a directory is, or a generated
 * directory where a file is.
 */
async function checkNoCollisions(target: string, relativePaths: string[]) {
  for (const relativePath of relativePaths) {
    const segments = relativePath.split('/');
    for (let depth = 1; depth <= segments.length; depth++) {
      const existingPath = path.join(target, ...segments.slice(0, depth));
      const stat = await fs.lstat(existingPath).catch(() => undefined);
      if (!stat) break;
      const isLast = depth === segments.length;
      if (isLast ? !stat.isFile() : !stat.isDirectory()) {
        throw new WriteRepositoryError(
          `cannot write ${relativePath}: ${existingPath} is in the way`,
        );
      }
    }
  }
}
