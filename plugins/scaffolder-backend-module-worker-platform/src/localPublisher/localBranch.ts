import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { GitIdentity } from './createLocalRepository';

const execFileAsync = promisify(execFile);

/** Thrown when the branch to create already exists in the repository. */
export class BranchExistsError extends Error {
  constructor(branch: string, repoDir: string) {
    super(`branch "${branch}" already exists in ${repoDir}`);
    this.name = 'BranchExistsError';
  }
}

/** Thrown when a local repository or branch name is not usable. */
export class LocalRepositoryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LocalRepositoryError';
  }
}

/**
 * Runs git with only the given environment: none of the machine's or
 * user's configuration (hooks, signing) may change a commit nobody sees.
 */
async function git(
  args: string[],
  env: Record<string, string> = {},
  cwd?: string,
) {
  const { stdout } = await execFileAsync('git', args, {
    cwd,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: os.tmpdir(),
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: '/dev/null',
      ...env,
    },
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout.trim();
}

async function assertRepository(repoDir: string) {
  const gitDir = path.join(repoDir, '.git');
  if (!(await fs.stat(gitDir).catch(() => undefined))?.isDirectory()) {
    throw new LocalRepositoryError(`${repoDir} is not a local git repository`);
  }
  return gitDir;
}

/** Options of {@link cloneLocalRepository}. */
export interface CloneLocalRepositoryOptions {
  repoDir: string;
  /** An empty or missing directory to put the files in. */
  targetDir: string;
  /** The branch to take; the repository's current branch by default. */
  branch?: string;
}

/**
 * Copies the files of one branch of a local repository into `targetDir`
 * (without `.git`, as `fetch:plain` would) and names the commit they came
 * from, so a later commit can build on exactly that commit.
 */
export async function cloneLocalRepository(
  options: CloneLocalRepositoryOptions,
): Promise<{ commitHash: string; branch: string }> {
  const { repoDir, targetDir } = options;
  await assertRepository(repoDir);
  const entries = await fs.readdir(targetDir).catch(() => []);
  if (entries.length > 0) {
    throw new LocalRepositoryError(`${targetDir} is not empty`);
  }
  await fs.rm(targetDir, { recursive: true, force: true });
  await git([
    'clone',
    '--quiet',
    '--no-hardlinks',
    ...(options.branch ? ['--branch', options.branch] : []),
    repoDir,
    targetDir,
  ]);
  const gitDir = path.join(targetDir, '.git');
  const commitHash = await git(['--git-dir', gitDir, 'rev-parse', 'HEAD']);
  const branch = await git([
    '--git-dir',
    gitDir,
    'rev-parse',
    '--abbrev-ref',
    'HEAD',
  ]);
  await fs.rm(gitDir, { recursive: true, force: true });
  return { commitHash, branch };
}

/** Options of {@link commitToNewBranch}. */
export interface CommitToNewBranchOptions {
  repoDir: string;
  /** The directory whose content becomes the branch's tree (its `.git` and ignored files excluded). */
  sourceDir: string;
  branch: string;
  /** The commit the branch starts from; the repository's HEAD by default. */
  baseCommit?: string;
  commitMessage: string;
  author: GitIdentity;
}

/**
 * Commits `sourceDir` as one commit on a new branch of a local repository,
 * without touching its working tree or current branch: the tree is built in
 * a private index, and the branch is created only if it does not exist yet
 * (checked atomically by `update-ref`).
 */
export async function commitToNewBranch(
  options: CommitToNewBranchOptions,
): Promise<{ commitHash: string; changedFiles: string[] }> {
  const { repoDir, sourceDir, branch } = options;
  const gitDir = await assertRepository(repoDir);
  try {
    await git(['check-ref-format', '--branch', branch]);
  } catch {
    throw new LocalRepositoryError(`"${branch}" is not a valid branch name`);
  }
  const ref = `refs/heads/${branch}`;
  const exists = await git([
    '--git-dir',
    gitDir,
    'rev-parse',
    '--verify',
    '--quiet',
    ref,
  ]).then(
    () => true,
    () => false,
  );
  if (exists) throw new BranchExistsError(branch, repoDir);

  const scratch = await fs.mkdtemp(
    path.join(os.tmpdir(), 'worker-platform-index-'),
  );
  try {
    const env = {
      GIT_DIR: gitDir,
      GIT_WORK_TREE: sourceDir,
      GIT_INDEX_FILE: path.join(scratch, 'index'),
      GIT_AUTHOR_NAME: options.author.name,
      GIT_AUTHOR_EMAIL: options.author.email,
      GIT_COMMITTER_NAME: options.author.name,
      GIT_COMMITTER_EMAIL: options.author.email,
    };
    const base = await git(
      ['rev-parse', '--verify', `${options.baseCommit ?? 'HEAD'}^{commit}`],
      env,
    );
    await git(['read-tree', base], env);
    await git(['add', '--all', '.'], env, sourceDir);
    const tree = await git(['write-tree'], env);
    const changed = await git(['diff', '--name-only', base, tree], env);
    const commitHash = await git(
      ['commit-tree', tree, '-p', base, '-m', options.commitMessage],
      env,
    );
    // The empty old value makes git refuse if someone created the branch meanwhile.
    await git(['update-ref', ref, commitHash, ''], env);
    return {
      commitHash,
      changedFiles: changed === '' ? [] : changed.split('\n'),
    };
  } finally {
    await fs.rm(scratch, { recursive: true, force: true });
  }
}
