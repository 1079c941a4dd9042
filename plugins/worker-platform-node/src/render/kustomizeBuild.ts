import { execFileSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';

/** A way to run `kustomize build`: kubectl's embedded kustomize or the standalone binary. */
export interface KustomizeTool {
  name: string;
  build(dir: string): string;
}

function available(command: string, args: string[]): boolean {
  try {
    execFileSync(command, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The first kustomize this machine has, or undefined. */
export function findKustomize(): KustomizeTool | undefined {
  if (available('kubectl', ['version', '--client'])) {
    return {
      name: 'kubectl kustomize',
      build: dir => execFileSync('kubectl', ['kustomize', dir]).toString(),
    };
  }
  if (available('kustomize', ['version'])) {
    return {
      name: 'kustomize build',
      build: dir => execFileSync('kustomize', ['build', dir]).toString(),
    };
  }
  return undefined;
}

/** Writes a rendered repository to a fresh temporary directory. */
export function writeToTempDir(files: Map<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'worker-platform-'));
  for (const [file, content] of files) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), content);
  }
  return root;
}
