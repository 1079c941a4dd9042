import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/**
 * A git identity, used as both author and committer.
 *
 * @public
 */
export interface GitIdentity {
  name: string;
  email: string;
}

/** Options of {@link createLocalRepository}. */
export interface CreateLocalRepositoryOptions {
  /** The directory whose content becomes the first commit (its `.git` excluded). */
  sourceDir: string;
  /** The repository to create; it must not exist yet. */
  repoDir: string;
  branch: string;
  commitMessage: string;
  author: GitIdentity;
}

/** Thrown when the repository to create already exists. */
export class RepositoryExistsError extends Error {
  constructor(repoDir: string) {
    super(`${repoDir} already exists; refusing to overwrite it`);
    this.name = 'RepositoryExistsError';
  }
}

/**
 * Creates a git repository with one commit holding a copy of `sourceDir`.
 * The repository is built in a staging directory beside `repoDir` and
 * renamed into place once committed, so a watcher of the parent directory
 * never sees a half-made repository.
 */
export async function createLocalRepository(
  options: CreateLocalRepositoryOptions,
): Promise<{ commitHash: string }> {
  const { sourceDir, repoDir, branch, commitMessage, author } = options;
  if (await exists(repoDir)) {
    throw new RepositoryExistsError(repoDir);
  }
  const parent = path.dirname(repoDir);
  await fs.mkdir(parent, { recursive: true });
  // The leading dot keeps the staging directory out of the catalog's scan.
  const staging = path.join(
    parent,
    `.${path.basename(repoDir)}.staging-${randomBytes(6).toString('hex')}`,
  );
  try {
    await fs.cp(sourceDir, staging, {
      recursive: true,
      filter: source => path.basename(source) !== '.git',
    });
    const git = gitIn(staging, author);
    await git('init', '--quiet', `--initial-branch=${branch}`);
    await git('add', '--all');
    await git('commit', '--quiet', '--allow-empty', '-m', commitMessage);
    const commitHash = (await git('rev-parse', 'HEAD')).trim();
    if (await exists(repoDir)) {
      throw new RepositoryExistsError(repoDir);
    }
    await fs.rename(staging, repoDir);
    return { commitHash };
  } finally {
    await fs.rm(staging, { recursive: true, force: true });
  }
}

/**
 * Runs git with the given identity and none of the machine's or user's git
 * configuration, so a global `commit.gpgsign` or hook cannot break a commit
 * the user never sees.
 */
function gitIn(cwd: string, author: GitIdentity) {
  const env = {
    PATH: process.env.PATH,
    HOME: cwd,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_AUTHOR_NAME: author.name,
    GIT_AUTHOR_EMAIL: author.email,
    GIT_COMMITTER_NAME: author.name,
    GIT_COMMITTER_EMAIL: author.email,
  };
  return async (...args: string[]) => {
    const { stdout } = await execFileAsync('git', args, { cwd, env });
    return stdout;
  };
}

async function exists(file: string): Promise<boolean> {
  return fs.lstat(file).then(
    () => true,
    () => false,
  );
}
