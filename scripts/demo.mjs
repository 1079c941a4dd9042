#!/usr/bin/env node
/**
 * `yarn demo`: the app plus a fake Kubernetes cluster playing a looping
 * scenario for the example service `pingvasai` — production's API OutOfSync
 * with a new commit (click Sync on the Deployments tab and watch the fake
 * ArgoCD controller run it), a GPU backlog that scales the pool to its ceiling and drains back
 * to idle at zero, a paused pool and a failing trigger in staging. Open
 * http://localhost:3000, enter as guest, and open pingvasai's Deployments tab.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

// `repo start` resolves --config against each package's folder.
const config = name => path.resolve(name);

const children = [
  spawn(
    'yarn',
    [
      'workspace',
      '@worker-platform/plugin-worker-platform-test-utils',
      'fake-cluster',
      '--port',
      '6443',
      '--scenario',
      'demo',
    ],
    { stdio: 'inherit' },
  ),
  spawn(
    'yarn',
    [
      'start',
      '--config',
      config('app-config.yaml'),
      '--config',
      config('app-config.demo.yaml'),
    ],
    { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'development' } },
  ),
];

let stopping = false;
function stopAll(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) {
    if (child.exitCode === null) child.kill('SIGTERM');
  }
  process.exitCode = code;
}
for (const child of children) {
  child.on('exit', code => stopAll(code ?? 1));
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));
