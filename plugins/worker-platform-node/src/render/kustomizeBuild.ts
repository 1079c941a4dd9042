import { execFileSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import {
  MINIMUM_KUBECTL_MINOR,
  MINIMUM_KUSTOMIZE_MAJOR,
  parseKubectlVersion,
  parseKustomizeVersion,
} from '../validate/kustomize/KustomizeTool';

/**
 * A synchronous way to run `kustomize build`: kubectl's embedded kustomize or
 * the standalone binary.
 *
 * @public
 */
export interface KustomizeBuilder {
  name: string;
  build(dir: string): string;
}

function output(command: string, args: string[]): string | undefined {
  try {
    return execFileSync(command, args, {
      stdio: ['ignore', 'pipe', 'ignore'],
    }).toString();
  } catch {
    return undefined;
  }
}

/**
 * The first kustomize new enough to build our overlays, or undefined: the
 * same choice and version floor as validation's `detectKustomizeTool`, but
 * synchronous, so tests can decide at collection time whether to skip.
 *
 * @public
 */
export function findKustomize(): KustomizeBuilder | undefined {
  const standalone = output('kustomize', ['version']);
  const version = standalone && parseKustomizeVersion(standalone);
  if (version && Number(version[1]) >= MINIMUM_KUSTOMIZE_MAJOR) {
    return {
      name: 'kustomize build',
      build: dir => execFileSync('kustomize', ['build', dir]).toString(),
    };
  }
  const kubectl = output('kubectl', ['version', '--client', '-o', 'json']);
  const client = kubectl && parseKubectlVersion(kubectl);
  if (client && client.minor >= MINIMUM_KUBECTL_MINOR) {
    return {
      name: 'kubectl kustomize',
      build: dir => execFileSync('kubectl', ['kustomize', dir]).toString(),
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
