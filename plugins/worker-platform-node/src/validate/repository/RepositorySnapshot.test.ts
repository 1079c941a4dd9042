import { createMockDirectory } from '@backstage/backend-test-utils';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { RepositorySnapshot } from './RepositorySnapshot';

describe('RepositorySnapshot', () => {
  const mockDir = createMockDirectory();

  it('reads a directory with posix paths, skipping .git', async () => {
    mockDir.setContent({
      'k8s/base/kustomization.yaml': 'resources: [a.yaml]\n',
      Dockerfile: 'FROM python:3.12-slim\n',
      '.git/config': '[core]\n',
    });
    const repo = await RepositorySnapshot.fromDirectory(mockDir.path);
    expect(repo.paths()).toEqual(['Dockerfile', 'k8s/base/kustomization.yaml']);
    expect(repo.kustomizationFile('k8s/base')).toBe(
      'k8s/base/kustomization.yaml',
    );
    expect(await repo.directory()).toBe(mockDir.path);
  });

  it('refuses a path that is not a directory', async () => {
    await expect(
      RepositorySnapshot.fromDirectory(path.join(mockDir.path, 'nope')),
    ).rejects.toThrow(/is not a directory/);
  });

  it('writes rendered files to a temporary directory only when asked, and removes it', async () => {
    const repo = RepositorySnapshot.fromFiles(
      new Map([['k8s/overlays/dev/kustomization.yaml', 'resources: []\n']]),
    );
    const dir = await repo.directory();
    await expect(
      fs.readFile(
        path.join(dir, 'k8s/overlays/dev/kustomization.yaml'),
        'utf8',
      ),
    ).resolves.toBe('resources: []\n');
    await repo.dispose();
    await expect(fs.access(dir)).rejects.toThrow();
  });

  it('keeps YAML parse errors with their line instead of throwing', () => {
    const repo = RepositorySnapshot.fromFiles(
      new Map([['a.yaml', 'a: 1\nb: [\n']]),
    );
    expect(repo.yaml('a.yaml')).toEqual({
      documents: [],
      errors: [expect.objectContaining({ line: expect.any(Number) })],
    });
  });
});
