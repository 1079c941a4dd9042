import { ChildProcess, spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { findKustomize } from '@worker-platform/plugin-worker-platform-node';
import { runCliInProcess as run } from './__testUtils__/runCli';

const TOKEN = 'register-test-token';
// A rendered repository from the golden tests, only read.
const REPOSITORY = path.resolve(
  __dirname,
  '../../worker-platform-node/testdata/minimal/expected',
);
/** The instance's keys of the repository's notifications ConfigMap, which are never sent. */
async function instanceKeys(): Promise<string> {
  const configMap = parse(
    await fs.readFile(
      path.join(REPOSITORY, 'argocd', 'notifications-cm.yaml'),
      'utf8',
    ),
  );
  return Object.keys(configMap.data)
    .filter(key => !/^(template|trigger)\.thumbnailer-/.test(key))
    .sort()
    .join(', ');
}
const FAKE_CLUSTER_CLI = path.resolve(
  __dirname,
  '../../worker-platform-test-utils/src/fakeCluster/cli.ts',
);

describe('worker-platform argocd register: usage', () => {
  it.each([
    [['argocd'], 'a subcommand is required: register'],
    [['argocd', 'unregister', '.'], 'unknown subcommand "unregister"'],
    [['argocd', 'register'], 'DIR is required'],
    [['argocd', 'register', REPOSITORY], '--kubeconfig FILE is required'],
    [
      [
        'argocd',
        'register',
        REPOSITORY,
        '--kubeconfig',
        '/nonexistent/kubeconfig',
      ],
      'cannot read the kubeconfig /nonexistent/kubeconfig: ENOENT',
    ],
  ])('%j exits 2: %s', async (argv, message) => {
    const result = await run(argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain(
      'usage: worker-platform argocd register DIR',
    );
  });
});

const tool = findKustomize();

if (!tool) {
  // eslint-disable-next-line no-console
  console.warn(
    '\n\n  *** SKIPPED: no kustomize on this machine (install kubectl or kustomize) ***\n\n',
  );
  describe('worker-platform argocd register against the fake cluster (skipped)', () => {
    // eslint-disable-next-line jest/no-disabled-tests, jest/expect-expect -- counted as skipped
    it.skip('SKIPPED: no kustomize on this machine', () => {});
  });
} else {
  describe('worker-platform argocd register against the fake cluster', () => {
    jest.setTimeout(60_000);
    let cluster: ChildProcess;
    let server: string;
    let dir: string;
    let kubeconfig: string;

    beforeAll(async () => {
      const port = await freePort();
      server = `http://127.0.0.1:${port}`;
      cluster = spawn(
        process.execPath,
        [
          '--require',
          require.resolve('@backstage/cli/config/nodeTransform.cjs'),
          FAKE_CLUSTER_CLI,
          '--port',
          String(port),
          '--token',
          TOKEN,
        ],
        { stdio: 'ignore' },
      );
      await waitFor(server);
      dir = await fs.mkdtemp(path.join(os.tmpdir(), 'argocd-register-'));
      kubeconfig = path.join(dir, 'kubeconfig');
      await fs.writeFile(
        kubeconfig,
        [
          'apiVersion: v1',
          'kind: Config',
          'current-context: fake',
          'contexts:',
          '  - name: fake',
          '    context: { cluster: demo-fake-cluster, user: backstage }',
          'clusters:',
          `  - name: demo-fake-cluster`,
          `    cluster: { server: "${server}" }`,
          'users:',
          `  - name: backstage`,
          `    user: { token: ${TOKEN} }`,
          '',
        ].join('\n'),
      );
    });

    afterAll(async () => {
      cluster?.kill();
      await fs.rm(dir, { recursive: true, force: true });
    });

    const getProject = () =>
      fetch(
        `${server}/apis/argoproj.io/v1alpha1/namespaces/argocd/appprojects/thumbnailer`,
        { headers: { authorization: `Bearer ${TOKEN}` } },
      );

    it('--dry-run reports what would be created and changes nothing; then it registers, and again finds all unchanged', async () => {
      const dryRun = await run([
        'argocd',
        'register',
        REPOSITORY,
        '--kubeconfig',
        kubeconfig,
        '--dry-run',
      ]);
      expect(dryRun.stderr).toBe('');
      expect(dryRun.code).toBe(0);
      expect(dryRun.stdout).toBe(
        [
          'thumbnailer → ArgoCD in demo-fake-cluster (namespace argocd): dry run, nothing changed',
          '  created   AppProject argocd/thumbnailer',
          '  created   Application argocd/thumbnailer-production-api',
          '  created   Application argocd/thumbnailer-production-workers',
          `  created   ConfigMap argocd/argocd-notifications-cm (not sent, left to the instance's administrator: ${await instanceKeys()})`,
          '',
        ].join('\n'),
      );
      expect((await getProject()).status).toBe(404);

      const first = await run([
        'argocd',
        'register',
        REPOSITORY,
        '--kubeconfig',
        kubeconfig,
      ]);
      expect(first.code).toBe(0);
      expect(first.stdout).toContain('): registered\n');
      expect((await getProject()).status).toBe(200);
      const configMap = await (
        await fetch(
          `${server}/api/v1/namespaces/argocd/configmaps/argocd-notifications-cm`,
          { headers: { authorization: `Bearer ${TOKEN}` } },
        )
      ).json();
      expect(Object.keys(configMap.data).sort()).toEqual([
        'template.thumbnailer-app-deployed',
        'template.thumbnailer-app-health-degraded',
        'template.thumbnailer-app-sync-failed',
        'trigger.thumbnailer-on-deployed',
        'trigger.thumbnailer-on-health-degraded',
        'trigger.thumbnailer-on-sync-failed',
      ]);

      const second = await run([
        'argocd',
        'register',
        REPOSITORY,
        '--kubeconfig',
        kubeconfig,
      ]);
      expect(second.code).toBe(0);
      expect(second.stdout).toBe(
        [
          'thumbnailer → ArgoCD in demo-fake-cluster (namespace argocd): already registered, nothing changed',
          '  unchanged AppProject argocd/thumbnailer',
          '  unchanged Application argocd/thumbnailer-production-api',
          '  unchanged Application argocd/thumbnailer-production-workers',
          `  unchanged ConfigMap argocd/argocd-notifications-cm (not sent, left to the instance's administrator: ${await instanceKeys()})`,
          '',
        ].join('\n'),
      );
    });

    it('exits 1 and sends nothing when the guards refuse (another ArgoCD namespace)', async () => {
      const result = await run([
        'argocd',
        'register',
        REPOSITORY,
        '--kubeconfig',
        kubeconfig,
        '--namespace',
        'gitops',
      ]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('refused, nothing sent');
      expect(result.stderr).toContain(
        'its namespace argocd is not the ArgoCD namespace gitops of cluster demo-fake-cluster',
      );
    });
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function waitFor(url: string) {
  for (let attempt = 0; attempt < 200; attempt++) {
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise(resolve => setTimeout(resolve, 100));
    }
  }
  throw new Error(`the fake cluster did not start at ${url}`);
}
