import fs from 'node:fs';
import path from 'node:path';
import { parseSpec } from '@worker-platform/plugin-worker-platform-common';
import { renderRepository } from '../render/renderRepository';
import { exampleSpec } from '../render/__testUtils__/testSpecs';
import { EditableRepository, errorsOf } from './__testUtils__/repositoryEdits';
import { findKustomize } from '../render/kustomizeBuild';
import { validateRepository } from './validateRepository';

/**
 * Mutation suite: each case takes the rendered seed-spec repository, makes
 * one mistake (a seed-guide bug, or a realistic hand edit) and expects at
 * least one error naming the file to fix and the rule that caught it.
 */

interface Mutation {
  name: string;
  edit(repo: EditableRepository): void;
  expected: { file: string; rule: string };
  /** Only kustomize itself can tell: skipped loudly without the tool. */
  needsKustomize?: boolean;
  /** The repository to mutate: the seed spec's (rolling) unless `canary` (testdata/canary). */
  repository?: 'canary';
}

const seedBugs: Mutation[] = [
  {
    name: '1. KEDA listName celery:queue:<q>',
    edit: repo =>
      repo.replace(
        'k8s/base/worker-ns/gpu-scaledobject.yaml',
        'listName: enterprise',
        'listName: celery:queue:enterprise',
      ),
    expected: {
      file: 'k8s/base/worker-ns/gpu-scaledobject.yaml',
      rule: 'cross-file/keda-queues',
    },
  },
  {
    name: '2. envFrom configMapRef.namespace',
    edit: repo =>
      repo.replace(
        'k8s/base/service-ns/deployment.yaml',
        /( *)- configMapRef:\n( *)name: pingvasai-config\n/,
        '$1- configMapRef:\n$2name: pingvasai-config\n$2namespace: default\n',
      ),
    expected: {
      file: 'k8s/base/service-ns/deployment.yaml',
      rule: 'schemas/unknown-field',
    },
  },
  {
    name: '3a. commonLabels in an overlay',
    edit: repo =>
      repo.replace(
        'k8s/overlays/production/service-ns/kustomization.yaml',
        'resources:',
        'commonLabels:\n  app: pingvasai\nresources:',
      ),
    expected: {
      file: 'k8s/overlays/production/service-ns/kustomization.yaml',
      rule: 'kustomize/common-labels',
    },
  },
  {
    name: '3b. one namespace: over service, worker and shared bases',
    edit: repo =>
      repo.replace(
        'k8s/overlays/production/service-ns/kustomization.yaml',
        '  - ../../../base/service-ns\n',
        '  - ../../../base/service-ns\n  - ../../../base/worker-ns\n',
      ),
    expected: {
      file: 'k8s/overlays/production/service-ns/kustomization.yaml',
      rule: 'kustomize/namespace-collapse',
    },
  },
  {
    name: '4. an Application path the overlay layout never creates',
    edit: repo =>
      repo.replace(
        'argocd/applications/production-api.yaml',
        'path: k8s/overlays/production/service-ns',
        'path: k8s/overlays/production',
      ),
    expected: {
      file: 'argocd/applications/production-api.yaml',
      rule: 'kustomize/build',
    },
  },
  {
    name: '5. pollingInterval 0 to "pause" KEDA',
    edit: repo =>
      repo.replace(
        'k8s/base/worker-ns/gpu-scaledobject.yaml',
        'pollingInterval: 15',
        'pollingInterval: 0',
      ),
    expected: {
      file: 'k8s/base/worker-ns/gpu-scaledobject.yaml',
      rule: 'schemas/keda-polling-pause',
    },
  },
  {
    name: '6a. an unpinned @master action',
    edit: repo =>
      repo.replace(
        '.github/workflows/ci.yml',
        /uses: github\/codeql-action\/upload-sarif@[0-9a-f]{40}/,
        'uses: aquasecurity/trivy-action@master',
      ),
    expected: {
      file: '.github/workflows/ci.yml',
      rule: 'workflows/pinned-actions',
    },
  },
  {
    name: '6b. long-lived AWS keys instead of OIDC',
    edit: repo =>
      repo.replace(
        '.github/workflows/ci.yml',
        'role-to-assume: ${{ vars.AWS_ROLE_ARN }}',
        'aws-access-key-id: ${{ secrets.AWS_ACCESS_KEY_ID }}\n          aws-secret-access-key: ${{ secrets.AWS_SECRET_ACCESS_KEY }}',
      ),
    expected: { file: '.github/workflows/ci.yml', rule: 'workflows/aws-oidc' },
  },
  {
    name: '7. a Flagger Canary on the Deployment the hand-written Service selects',
    edit: repo =>
      repo
        .write(
          'k8s/base/service-ns/canary.yaml',
          [
            'apiVersion: flagger.app/v1beta1',
            'kind: Canary',
            'metadata:',
            '  name: pingvasai-api',
            'spec:',
            '  provider: nginx',
            '  targetRef:',
            '    apiVersion: apps/v1',
            '    kind: Deployment',
            '    name: pingvasai-api',
            '  service:',
            '    port: 80',
            '    targetPort: 8000',
            '',
          ].join('\n'),
        )
        .replace(
          'k8s/base/service-ns/kustomization.yaml',
          '  - service.yaml\n',
          '  - service.yaml\n  - canary.yaml\n',
        ),
    expected: {
      file: 'k8s/base/service-ns/service.yaml',
      rule: 'cross-file/delivery-conflict',
    },
  },
  {
    name: '8. an HPA on a worker Deployment KEDA already scales',
    edit: repo =>
      repo
        .write(
          'k8s/base/worker-ns/gpu-hpa.yaml',
          [
            'apiVersion: autoscaling/v2',
            'kind: HorizontalPodAutoscaler',
            'metadata:',
            '  name: pingvasai-gpu-worker',
            'spec:',
            '  scaleTargetRef:',
            '    apiVersion: apps/v1',
            '    kind: Deployment',
            '    name: pingvasai-gpu-worker',
            '  minReplicas: 1',
            '  maxReplicas: 4',
            '',
          ].join('\n'),
        )
        .replace(
          'k8s/base/worker-ns/kustomization.yaml',
          '  - gpu-deployment.yaml\n',
          '  - gpu-deployment.yaml\n  - gpu-hpa.yaml\n',
        ),
    expected: {
      file: 'k8s/base/worker-ns/gpu-hpa.yaml',
      rule: 'cross-file/autoscaler-conflict',
    },
  },
];

const handEdits: Mutation[] = [
  {
    name: 'a pollingIntervl typo',
    edit: repo =>
      repo.replace(
        'k8s/base/worker-ns/gpu-scaledobject.yaml',
        'pollingInterval: 15',
        'pollingIntervl: 15',
      ),
    expected: {
      file: 'k8s/base/worker-ns/gpu-scaledobject.yaml',
      rule: 'schemas/unknown-field',
    },
  },
  {
    name: 'a queue dropped from the worker command but still a trigger',
    edit: repo =>
      repo.replace(
        'k8s/base/worker-ns/gpu-deployment.yaml',
        '--queues=enterprise,studio,pro,starter,free',
        '--queues=enterprise,studio,pro,starter',
      ),
    expected: {
      file: 'k8s/base/worker-ns/gpu-scaledobject.yaml',
      rule: 'cross-file/keda-queues',
    },
  },
  {
    name: 'a trigger deleted while the worker still consumes its queue',
    edit: repo =>
      repo.replace(
        'k8s/base/worker-ns/api-relay-scaledobject.yaml',
        'listName: api_relay',
        'listName: api-relay',
      ),
    expected: {
      file: 'k8s/base/worker-ns/api-relay-scaledobject.yaml',
      rule: 'cross-file/keda-queues',
    },
  },
  {
    name: 'a ScaledObject aimed at a renamed Deployment',
    edit: repo =>
      repo.replace(
        'k8s/base/worker-ns/system-scaledobject.yaml',
        /(scaleTargetRef:[\s\S]*?name: )pingvasai-system-worker/,
        '$1pingvasai-system-workers',
      ),
    expected: {
      file: 'k8s/base/worker-ns/system-scaledobject.yaml',
      rule: 'cross-file/scale-target',
    },
  },
  {
    name: 'a misspelt ConfigMap name in envFrom',
    edit: repo =>
      repo.replace(
        'k8s/base/worker-ns/system-deployment.yaml',
        /(configMapRef:\n\s*name: )pingvasai-config/,
        '$1pingvasai-confg',
      ),
    expected: {
      file: 'k8s/base/worker-ns/system-deployment.yaml',
      rule: 'cross-file/config-refs',
    },
  },
  {
    name: 'CI sets an image name the overlays do not use',
    edit: repo =>
      repo.replace(
        '.github/workflows/ci.yml',
        'kustomize edit set image "pingvasai-gpu-worker=',
        'kustomize edit set image "pingvasai-gpu=',
      ),
    expected: {
      file: '.github/workflows/ci.yml',
      rule: 'cross-file/ci-images',
    },
  },
  {
    name: 'an Application deploying outside its AppProject',
    edit: repo =>
      repo.replace(
        'argocd/applications/staging-workers.yaml',
        'namespace: pingvasai-staging-worker',
        'namespace: default',
      ),
    expected: {
      file: 'argocd/applications/staging-workers.yaml',
      rule: 'cross-file/argocd-destinations',
    },
  },
  {
    name: 'the migration Job on a worker image',
    edit: repo =>
      repo.replace(
        'k8s/jobs/migration-job.yaml',
        'image: pingvasai-api',
        'image: pingvasai-system-worker',
      ),
    expected: {
      file: 'k8s/jobs/migration-job.yaml',
      rule: 'cross-file/hook-image',
    },
  },
  {
    name: 'a worker image switched back to root',
    edit: repo =>
      repo.replace('Dockerfile.gpu-worker', 'USER 10001', 'USER root'),
    expected: {
      file: 'Dockerfile.gpu-worker',
      rule: 'dockerfiles/non-root-user',
    },
  },
  {
    name: 'a base image on latest',
    edit: repo =>
      repo.replace(
        'Dockerfile.system-worker',
        /FROM python:[^\s]+/,
        'FROM python:latest',
      ),
    expected: {
      file: 'Dockerfile.system-worker',
      rule: 'dockerfiles/base-image-tag',
    },
  },
  {
    name: 'the API HEALTHCHECK removed',
    edit: repo =>
      repo.replace('Dockerfile', /HEALTHCHECK [^\n]*\\\n[^\n]*\n/, ''),
    expected: { file: 'Dockerfile', rule: 'dockerfiles/api-healthcheck' },
  },
  {
    name: 'apt lists left in the layer',
    edit: repo =>
      repo.replace(
        'Dockerfile.system-worker',
        / \\\n\s*&& rm -rf \/var\/lib\/apt\/lists\/\*/,
        '',
      ),
    expected: {
      file: 'Dockerfile.system-worker',
      rule: 'dockerfiles/apt-lists',
    },
  },
  {
    name: 'a model downloaded with ADD <url>',
    edit: repo =>
      repo.replace(
        'Dockerfile.gpu-worker',
        'WORKDIR /app\n',
        'WORKDIR /app\nADD https://example.com/model.bin /models/\n',
      ),
    expected: { file: 'Dockerfile.gpu-worker', rule: 'dockerfiles/no-add-url' },
  },
  {
    name: 'a commit message pasted into a run: script',
    edit: repo =>
      repo.replace(
        '.github/workflows/ci.yml',
        'git diff --stat -- kustomization.yaml',
        'echo "Deploying ${{ github.event.head_commit.message }}"',
      ),
    expected: {
      file: '.github/workflows/ci.yml',
      rule: 'workflows/untrusted-expression',
    },
  },
  {
    name: 'a job that needs a job that does not exist',
    edit: repo =>
      repo.replace(
        '.github/workflows/ci.yml',
        'needs: [lint, test, security]',
        'needs: [lint, test, scan]',
      ),
    expected: {
      file: '.github/workflows/ci.yml',
      rule: 'workflows/actionlint',
    },
  },
  {
    name: 'replicas written as a word',
    edit: repo =>
      repo.replace(
        'k8s/overlays/production/service-ns/patches/api-deployment.yaml',
        /replicas: \d+/,
        'replicas: five',
      ),
    expected: {
      file: 'k8s/overlays/production/service-ns/patches/api-deployment.yaml',
      rule: 'schemas/kubernetes',
    },
    needsKustomize: true,
  },
  {
    name: 'a tab-indented edit that breaks YAML',
    edit: repo =>
      repo.replace(
        'k8s/base/service-ns/configmap.yaml',
        /\n {2}(\w)/,
        '\n\t$1',
      ),
    expected: {
      file: 'k8s/base/service-ns/configmap.yaml',
      rule: 'schemas/yaml-syntax',
    },
  },
  {
    name: 'an overlay patch file that was deleted',
    edit: repo => {
      repo.files.delete(
        'k8s/overlays/staging/worker-ns/patches/gpu-scaledobject.yaml',
      );
    },
    expected: {
      file: 'k8s/overlays/staging/worker-ns/kustomization.yaml',
      rule: 'kustomize/build',
    },
    needsKustomize: true,
  },
  {
    name: 'a worker grace period cut below its hard time limit',
    edit: repo =>
      repo.replace(
        'k8s/base/worker-ns/gpu-deployment.yaml',
        'terminationGracePeriodSeconds: 300',
        'terminationGracePeriodSeconds: 60',
      ),
    expected: {
      file: 'k8s/base/worker-ns/gpu-deployment.yaml',
      rule: 'cross-file/worker-shutdown',
    },
  },
  {
    name: 'a visibility timeout shorter than the hard time limit',
    edit: repo =>
      repo.replace(
        'k8s/base/worker-ns/configmap.yaml',
        'CELERY_VISIBILITY_TIMEOUT: "360"',
        'CELERY_VISIBILITY_TIMEOUT: "120"',
      ),
    expected: {
      file: 'k8s/base/worker-ns/configmap.yaml',
      rule: 'cross-file/visibility-timeout',
    },
  },
  {
    name: 'a ScaledObject without a fallback',
    edit: repo => {
      for (const file of [...repo.files.keys()].filter(f =>
        f.endsWith('gpu-scaledobject.yaml'),
      )) {
        repo.replace(file, /\n {2}fallback:\n( {4}.*\n)+/, '\n');
      }
    },
    expected: {
      file: 'k8s/overlays/production/worker-ns/patches/gpu-scaledobject.yaml',
      rule: 'schemas/keda-fallback',
    },
  },
  {
    name: 'a ConfigMap key that nothing reads',
    edit: repo =>
      repo.replace(
        'k8s/base/worker-ns/configmap.yaml',
        /^data:\n/m,
        'data:\n  CELERY_WORKER_CONCURRENCY: "8"\n',
      ),
    expected: {
      file: 'k8s/base/worker-ns/configmap.yaml',
      rule: 'cross-file/config-keys-read',
    },
  },
  {
    name: 'a worker pod without a seccomp profile',
    edit: repo =>
      repo.replace(
        'k8s/base/worker-ns/gpu-deployment.yaml',
        /\n {8}seccompProfile:\n {10}type: RuntimeDefault/,
        '',
      ),
    expected: {
      file: 'k8s/overlays/production/worker-ns/patches/gpu-deployment.yaml',
      rule: 'schemas/pod-security-restricted',
    },
  },
  {
    name: 'a namespace that no longer enforces Pod Security restricted',
    edit: repo =>
      repo.replace(
        'k8s/base/worker-ns/namespace.yaml',
        'pod-security.kubernetes.io/enforce: restricted',
        'pod-security.kubernetes.io/enforce: privileged',
      ),
    expected: {
      file: 'k8s/base/worker-ns/namespace.yaml',
      rule: 'schemas/pod-security-restricted',
    },
  },
  {
    name: 'the API without its PodDisruptionBudget',
    edit: repo => {
      repo.replace(
        'k8s/base/service-ns/kustomization.yaml',
        '  - pdb.yaml\n',
        '',
      );
      repo.files.delete('k8s/base/service-ns/pdb.yaml');
    },
    expected: {
      file: 'k8s/base/service-ns/deployment.yaml',
      rule: 'cross-file/availability',
    },
  },
  {
    name: 'the API no longer spread over zones',
    edit: repo =>
      repo.replace(
        'k8s/base/service-ns/deployment.yaml',
        'topologyKey: topology.kubernetes.io/zone',
        'topologyKey: kubernetes.io/hostname',
      ),
    expected: {
      file: 'k8s/overlays/production/service-ns/patches/api-deployment.yaml',
      rule: 'cross-file/availability',
    },
  },
  {
    name: 'an API preStop shorter than the ALB deregistration delay',
    edit: repo =>
      repo.replace(
        'k8s/base/service-ns/deployment.yaml',
        'command: ["sleep", "40"]',
        'command: ["sleep", "10"]',
      ),
    expected: {
      file: 'k8s/base/service-ns/deployment.yaml',
      rule: 'cross-file/alb-drain',
    },
  },
  {
    name: "an environment's API replicas that the HPA minimum overrides",
    edit: repo =>
      repo.replace(
        'k8s/overlays/production/service-ns/patches/api-deployment.yaml',
        'replicas: 5',
        'replicas: 8',
      ),
    expected: {
      file: 'k8s/overlays/production/service-ns/patches/api-deployment.yaml',
      rule: 'cross-file/hpa-replicas',
    },
    // Only a build applies the overlay's patch to the base Deployment.
    needsKustomize: true,
  },
  {
    name: 'a worker liveness probe back on celery inspect ping',
    edit: repo =>
      repo.replace(
        'k8s/base/worker-ns/gpu-deployment.yaml',
        'command: ["python", "-m", "workers.liveness"]',
        'command: ["sh", "-c", "celery -A workers.gpu.tasks inspect ping"]',
      ),
    expected: {
      file: 'k8s/base/worker-ns/gpu-deployment.yaml',
      rule: 'cross-file/worker-liveness',
    },
  },
  {
    name: 'CD syncing an Application ArgoCD syncs automatically',
    edit: repo =>
      repo.replace(
        '.github/workflows/cd.yml',
        'argocd app get "$APPLICATION" --grpc-web --refresh > /dev/null',
        'argocd app sync "$APPLICATION" --grpc-web --prune --timeout 600',
      ),
    expected: {
      file: '.github/workflows/cd.yml',
      rule: 'workflows/argocd-sync-race',
    },
  },
  {
    name: 'a worker namespace without its default-deny NetworkPolicy',
    edit: repo =>
      repo.replace(
        'k8s/base/worker-ns/kustomization.yaml',
        '  - network-policies.yaml\n',
        '',
      ),
    expected: {
      file: 'k8s/base/worker-ns/namespace.yaml',
      rule: 'cross-file/network-isolation',
    },
  },
  {
    name: 'a GPU image back on Ubuntu 22.04 (Python 3.10) while CI tests 3.12',
    edit: repo =>
      repo.replace(
        'Dockerfile.gpu-worker',
        'cudnn-runtime-ubuntu24.04',
        'cudnn-runtime-ubuntu22.04',
      ),
    expected: {
      file: 'Dockerfile.gpu-worker',
      rule: 'dockerfiles/python-version',
    },
  },
  {
    name: 'CI pushing the new tags straight to the environment branch',
    edit: repo =>
      repo.replace(
        '.github/workflows/ci.yml',
        'run: gh pr merge --auto --squash "$PR"',
        'run: git push origin HEAD:develop',
      ),
    expected: {
      file: '.github/workflows/ci.yml',
      rule: 'workflows/branch-push',
    },
  },
  {
    name: 'images pushed without an SBOM',
    edit: repo =>
      repo.replace('.github/workflows/ci.yml', '          sbom: true\n', ''),
    expected: {
      file: '.github/workflows/ci.yml',
      rule: 'workflows/supply-chain',
    },
  },
  {
    name: 'CI pinning images in the overlay the renderer owns',
    edit: repo =>
      repo.replace(
        '.github/workflows/ci.yml',
        'working-directory: k8s/overlays/development/images',
        'working-directory: k8s/overlays/development/service-ns',
      ),
    expected: {
      file: '.github/workflows/ci.yml',
      rule: 'cross-file/ci-owned-images',
    },
  },
  {
    name: "an overlay that does not apply CI's image pins",
    edit: repo =>
      repo.replace(
        'k8s/overlays/staging/worker-ns/kustomization.yaml',
        '  - ../images\n',
        '',
      ),
    expected: {
      file: 'k8s/overlays/staging/worker-ns/kustomization.yaml',
      rule: 'cross-file/ci-owned-images',
    },
  },
  {
    name: 'a first deploy on latest, which CI never pushes',
    edit: repo =>
      repo.replace(
        'k8s/overlays/development/images/kustomization.yaml',
        /newTag: bootstrap/g,
        'newTag: latest',
      ),
    expected: {
      file: 'k8s/overlays/development/images/kustomization.yaml',
      rule: 'cross-file/image-tags',
    },
    needsKustomize: true,
  },
  {
    name: 'a canary Rollout routed back through ingress-nginx',
    repository: 'canary',
    edit: repo =>
      repo
        .replace(
          'k8s/base/service-ns/rollout.yaml',
          /alb:\n(\s+)ingress: ocr-api\n\s+servicePort: 80/,
          'nginx:\n$1stableIngress: ocr-api',
        )
        .replace(
          'k8s/base/service-ns/ingress.yaml',
          'ingressClassName: alb',
          'ingressClassName: nginx',
        ),
    expected: {
      file: 'k8s/base/service-ns/rollout.yaml',
      rule: 'cross-file/alb-traffic',
    },
  },
  {
    name: 'a blue slot Service on the pods a canary Rollout releases',
    repository: 'canary',
    edit: repo =>
      repo
        .write(
          'k8s/base/service-ns/service-blue.yaml',
          [
            'apiVersion: v1',
            'kind: Service',
            'metadata:',
            '  name: ocr-api-blue',
            'spec:',
            '  selector:',
            '    app.kubernetes.io/name: ocr-api',
            '  ports:',
            '    - port: 80',
            '      targetPort: http',
            '',
          ].join('\n'),
        )
        .replace(
          'k8s/base/service-ns/kustomization.yaml',
          '  - service-canary.yaml\n',
          '  - service-canary.yaml\n  - service-blue.yaml\n',
        ),
    expected: {
      file: 'k8s/base/service-ns/service-blue.yaml',
      rule: 'cross-file/delivery-conflict',
    },
  },
  {
    name: 'an Application subscribed to a trigger the notifications ConfigMap lacks',
    edit: repo =>
      repo.replace(
        'argocd/applications/production-api.yaml',
        'subscribe.pingvasai-on-deployed.slack',
        'subscribe.on-deployed.slack',
      ),
    expected: {
      file: 'argocd/applications/production-api.yaml',
      rule: 'cross-file/argocd-notifications',
    },
  },
  {
    name: 'Slack notifications through an incoming webhook',
    edit: repo =>
      repo.replace(
        'argocd/notifications-cm.yaml',
        'token: $slack-token',
        'url: $slack-webhook-url',
      ),
    expected: {
      file: 'argocd/notifications-cm.yaml',
      rule: 'cross-file/argocd-notifications',
    },
  },
  {
    name: 'the kept spec edited into an invalid one',
    edit: repo =>
      repo.replace(
        '.worker-platform/spec.yaml',
        /targetLength: 1\b/,
        'targetLength: 0',
      ),
    expected: {
      file: '.worker-platform/spec.yaml',
      rule: 'schemas/worker-platform-spec',
    },
  },
];

describe('validateRepository on mutated seed-spec repositories', () => {
  jest.setTimeout(120_000);
  const spec = parseSpec(
    fs.readFileSync(
      path.resolve(__dirname, '../../../../examples/specs/pingvasai.yaml'),
      'utf8',
    ),
  );
  if (!spec.ok) throw new Error('examples/specs/pingvasai.yaml is invalid');
  const golden = renderRepository(spec.spec);
  const canary = renderRepository(exampleSpec('canary'));
  const hasKustomize = findKustomize() !== undefined;
  if (!hasKustomize) {
    // eslint-disable-next-line no-console
    console.warn(
      'SKIPPED: no kustomize on this machine (mutations that only a build can catch)',
    );
  }

  it.each([
    ['seed-spec', golden],
    ['canary', canary],
  ])('finds nothing in the %s repository as rendered', async (_name, files) => {
    const findings = await validateRepository(files, { build: hasKustomize });
    expect(findings).toEqual([]);
  });

  const cases = [...seedBugs, ...handEdits];
  it.each(
    cases
      .filter(m => hasKustomize || !m.needsKustomize)
      .map(m => [m.name, m] as const),
  )('%s', async (_name, mutation) => {
    const repo = new EditableRepository(
      mutation.repository === 'canary' ? canary : golden,
    );
    mutation.edit(repo);
    const findings = await validateRepository(repo.files, {
      build: mutation.needsKustomize === true,
    });
    expect(errorsOf(findings)).toContain(
      `${mutation.expected.file}: ${mutation.expected.rule}`,
    );
  });

  const unbuildable = cases.filter(m => !hasKustomize && m.needsKustomize);
  if (unbuildable.length > 0) {
    // eslint-disable-next-line jest/no-disabled-tests, jest/expect-expect -- counted as skipped
    it.skip.each(unbuildable.map(m => [m.name] as const))(
      'SKIPPED (no kustomize): %s',
      () => {},
    );
  }

  it('covers every seed bug and at least ten more mistakes', () => {
    expect(seedBugs.length).toBeGreaterThanOrEqual(8);
    expect(handEdits.length).toBeGreaterThanOrEqual(10);
  });
});
