import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  TargetNotEmptyError,
  writeRepository,
  WriteRepositoryError,
} from './writeRepository';

describe('writeRepository', () => {
  let root: string;

  beforeEach(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'write-repository-'));
  });

  afterEach(async () => {
    await fs.rm(root, { recursive: true, force: true });
  });

  const files = new Map([
    ['README.md', '# svc\n'],
    ['k8s/base/service-ns/kustomization.yaml', 'resources: []\n'],
    ['tests/smoke.sh', '#!/bin/sh\necho ok\n'],
  ]);

  it('creates a missing target with every file, and leaves no staging directory', async () => {
    const target = path.join(root, 'svc');
    await writeRepository(target, files);

    await expect(
      fs.readFile(
        path.join(target, 'k8s/base/service-ns/kustomization.yaml'),
        'utf8',
      ),
    ).resolves.toBe('resources: []\n');
    expect(await fs.readdir(root)).toEqual(['svc']);
  });

  it('makes scripts with a shebang executable and other files not', async () => {
    const target = path.join(root, 'svc');
    await writeRepository(target, files);

    const script = await fs.stat(path.join(target, 'tests/smoke.sh'));
    const readme = await fs.stat(path.join(target, 'README.md'));
    expect(script.mode & 0o111).not.toBe(0);
    expect(readme.mode & 0o111).toBe(0);
  });

  it('writes into an existing empty directory', async () => {
    const target = path.join(root, 'svc');
    await fs.mkdir(target);
    await writeRepository(target, files);
    expect((await fs.readdir(target)).sort()).toEqual([
      'README.md',
      'k8s',
      'tests',
    ]);
  });

  it('refuses a non-empty directory without force and changes nothing', async () => {
    const target = path.join(root, 'svc');
    await fs.mkdir(target);
    await fs.writeFile(path.join(target, 'notes.txt'), 'mine');

    await expect(writeRepository(target, files)).rejects.toThrow(
      TargetNotEmptyError,
    );
    expect(await fs.readdir(target)).toEqual(['notes.txt']);
    expect(await fs.readdir(root)).toEqual(['svc']);
  });

  it('with force, replaces generated files and keeps the others', async () => {
    const target = path.join(root, 'svc');
    await fs.mkdir(path.join(target, '.git'), { recursive: true });
    await fs.writeFile(path.join(target, 'README.md'), 'old');
    await fs.writeFile(
      path.join(target, '.git/HEAD'),
      'ref: refs/heads/main\n',
    );

    await writeRepository(target, files, { force: true });

    await expect(
      fs.readFile(path.join(target, 'README.md'), 'utf8'),
    ).resolves.toBe('# svc\n');
    await expect(
      fs.readFile(path.join(target, '.git/HEAD'), 'utf8'),
    ).resolves.toBe('ref: refs/heads/main\n');
  });

  it('with force, refuses before moving anything when a directory is in the way of a file', async () => {
    const target = path.join(root, 'svc');
    await fs.mkdir(path.join(target, 'README.md'), { recursive: true });
    await fs.writeFile(path.join(target, 'keep.txt'), 'x');

    await expect(
      writeRepository(target, files, { force: true }),
    ).rejects.toThrow(/README\.md is in the way/);
    expect((await fs.readdir(target)).sort()).toEqual([
      'README.md',
      'keep.txt',
    ]);
  });

  it('refuses a target that is a file', async () => {
    const target = path.join(root, 'svc');
    await fs.writeFile(target, 'x');
    await expect(writeRepository(target, files)).rejects.toThrow(
      /exists and is not a directory/,
    );
  });

  it.each([
    '../escape.txt',
    '/etc/passwd',
    'a/../../b',
    './a',
    'a//b',
    'a\\b',
    '',
  ])('refuses the path %j before writing anything', async badPath => {
    const target = path.join(root, 'svc');
    const error = await writeRepository(
      target,
      new Map([...files, [badPath, 'x']]),
    ).catch(e => e);
    expect(error).toBeInstanceOf(WriteRepositoryError);
    expect(await fs.readdir(root)).toEqual([]);
  });

  it('leaves nothing behind when staging fails half-way', async () => {
    const target = path.join(root, 'svc');
    // A file and a directory of the same name cannot both be staged.
    const clashing = new Map([
      ['a', 'file'],
      ['a/b', 'nested'],
    ]);
    await expect(writeRepository(target, clashing)).rejects.toThrow();
    expect(await fs.readdir(root)).toEqual([]);
  });
});
