import { execFileSync } from 'node:child_process';
import { createLocalRepository } from '../../localPublisher/createLocalRepository';

/** Identity of the commits tests make. */
export const testAuthor = { name: 'Tester', email: 'tester@example.com' };

/** Creates a local repository as `worker-platform:publish:local` would. */
export async function publishTestRepository(
  sourceDir: string,
  repoDir: string,
): Promise<string> {
  const { commitHash } = await createLocalRepository({
    sourceDir,
    repoDir,
    branch: 'main',
    commitMessage: 'Initial commit',
    author: testAuthor,
  });
  return commitHash;
}

/** Runs git in `cwd` and returns its output. */
export function gitOutput(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8' });
}
