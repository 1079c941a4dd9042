import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import {
  parseSpec,
  parseSpecDefaults,
  stringifySpec,
  validateSpec,
} from './parseSpec';
import { SpecDefaults } from './specDefaults';

const repositoryRoot = path.resolve(__dirname, '../../../..');
const examplesDir = path.join(repositoryRoot, 'examples/specs');

/** The organisation defaults most tests parse with: those of the seed guide. */
const DEFAULTS: SpecDefaults = {
  registry: '123456789012.dkr.ecr.us-east-1.amazonaws.com',
  owner: 'group:default/platform',
  apiDomain: 'example.com',
};

/** The defaults the demo app runs with, as this repository's app-config.yaml sets them. */
function demoDefaults(): SpecDefaults {
  const result = parseSpecDefaults(
    fs.readFileSync(path.join(repositoryRoot, 'app-config.yaml'), 'utf8'),
  );
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.defaults;
}

/** The smallest valid document; each test changes one thing in it. */
function minimal(): any {
  return {
    apiVersion: 'worker-platform.io/v1alpha1',
    kind: 'WorkerPlatform',
    metadata: { name: 'svc' },
    spec: {
      workers: [{ name: 'default', queues: [{ name: 'jobs' }] }],
      environments: [{ name: 'production' }],
    },
  };
}

function errorsOf(doc: unknown) {
  return errorsOfWith(doc, DEFAULTS);
}

function expectError(doc: unknown, errorPath: string, message: RegExp) {
  expect(errorsOf(doc)).toContainEqual({
    path: errorPath,
    message: expect.stringMatching(message),
  });
}

describe('parseSpec', () => {
  it.each(fs.readdirSync(examplesDir).filter(f => f.endsWith('.yaml')))(
    "accepts the example %s with the demo app's defaults",
    file => {
      const result = parseSpec(
        fs.readFileSync(path.join(examplesDir, file), 'utf8'),
        demoDefaults(),
      );
      expect(result.ok ? [] : result.errors).toEqual([]);
    },
  );

  it('fills the seed and organisation defaults into a minimal spec', () => {
    const result = validateSpec(minimal(), DEFAULTS);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const { spec, metadata } = result.spec;
    expect(metadata.owner).toBe('group:default/platform');
    expect(metadata).not.toHaveProperty('system');
    expect(spec.registry).toBe('123456789012.dkr.ecr.us-east-1.amazonaws.com');
    expect(spec.gitops).toEqual({
      repoUrl: 'https://github.com/example/svc',
      argocdNamespace: 'argocd',
      project: 'svc',
    });
    expect(spec.api).toMatchObject({
      port: 8000,
      host: 'svc.example.com',
      replicas: 3,
      autoscaling: {
        min: 3,
        max: 20,
        cpuUtilization: 70,
        memoryUtilization: 80,
      },
    });
    expect(spec.workers[0]).toMatchObject({
      gpu: 0,
      concurrency: 1,
      queues: [{ name: 'jobs', targetLength: 5 }],
      scaling: { min: 0, max: 5, pollingInterval: 15, cooldownPeriod: 300 },
      resources: { requests: { cpu: '500m', memory: '512Mi' } },
    });
    expect(spec.environments[0]).toEqual({
      name: 'production',
      branch: 'main',
      autoSync: false,
      cluster: 'https://kubernetes.default.svc',
      namespaces: {
        service: 'svc-production-service',
        worker: 'svc-production-worker',
      },
      overrides: {},
    });
    expect(spec.redis).toEqual({ databaseIndex: 0, keyPrefix: '' });
    expect(spec.delivery.strategy).toBe('rolling');
    expect(spec.notifications.slackChannel).toBe('deployments');
  });

  it('keeps the developer groups and ArgoCD URL it is given, and omits them otherwise', () => {
    const doc = minimal();
    doc.spec.gitops = {
      developerGroups: ['acme:developers', 'Platform Engineers'],
      argocdUrl: 'https://argocd.example.com/cd',
    };
    const result = validateSpec(doc, DEFAULTS);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.spec.spec.gitops).toMatchObject(doc.spec.gitops);
    expect(stringifySpec(result.spec)).toContain('developerGroups:');
    const plain = validateSpec(minimal(), DEFAULTS);
    if (!plain.ok) throw new Error(JSON.stringify(plain.errors));
    expect(Object.keys(plain.spec.spec.gitops)).not.toContain(
      'developerGroups',
    );
    expect(stringifySpec(plain.spec)).not.toMatch(/developerGroups|argocdUrl/);
  });

  it('gives GPU pools GPU-sized default resources', () => {
    const doc = minimal();
    doc.spec.workers[0].gpu = 1;
    const result = validateSpec(doc, DEFAULTS);
    expect(
      result.ok && result.spec.spec.workers[0].resources.limits.memory,
    ).toBe('16Gi');
  });

  it('defaults a pool task timeout by whether it has GPUs, and bounds it', () => {
    const doc = minimal();
    const cpu = validateSpec(doc, DEFAULTS);
    expect(cpu.ok && cpu.spec.spec.workers[0].taskTimeout).toBe(60);
    doc.spec.workers[0].gpu = 1;
    const gpu = validateSpec(doc, DEFAULTS);
    expect(gpu.ok && gpu.spec.spec.workers[0].taskTimeout).toBe(240);
    doc.spec.workers[0].taskTimeout = 90000;
    expectError(doc, 'spec.workers[0].taskTimeout', /at most 86400 seconds/);
  });

  it("makes replicas the API's HPA minimum, and refuses two different minimums", () => {
    const doc = minimal();
    doc.spec.api = { replicas: 5 };
    const given = validateSpec(doc, DEFAULTS);
    expect(given.ok && given.spec.spec.api.autoscaling.min).toBe(5);
    doc.spec.api = { replicas: 5, autoscaling: { min: 2 } };
    expectError(
      doc,
      'spec.api.replicas',
      /is the HPA minimum, but autoscaling.min is 2/,
    );
    doc.spec.api = {};
    doc.spec.environments[0].overrides = { api: { replicas: 30 } };
    expectError(
      doc,
      'spec.environments[0].overrides.api.replicas',
      /must not exceed max \(20\)/,
    );
    doc.spec.environments[0].overrides = {
      api: { replicas: 2, autoscaling: { min: 4 } },
    };
    expectError(
      doc,
      'spec.environments[0].overrides.api.replicas',
      /HPA minimum, but autoscaling.min is 4/,
    );
  });

  it('defaults branch and autoSync from well-known environment names', () => {
    const doc = minimal();
    doc.spec.environments = [{ name: 'development' }, { name: 'qa' }];
    const result = validateSpec(doc, DEFAULTS);
    if (!result.ok) throw new Error('refused');
    expect(
      result.spec.spec.environments.map(e => [e.branch, e.autoSync]),
    ).toEqual([
      ['develop', true],
      ['qa', true],
    ]);
  });

  it('round-trips: the written spec parses back to the same spec, with no defaults', () => {
    for (const file of ['pingvasai.yaml', 'minimal.yaml', 'large.yaml']) {
      const first = parseSpec(
        fs.readFileSync(path.join(examplesDir, file), 'utf8'),
        DEFAULTS,
      );
      if (!first.ok) throw new Error(file);
      // The written spec records every value the defaults gave, so a
      // repository re-renders the same wherever it is re-rendered.
      const second = parseSpec(stringifySpec(first.spec));
      expect(second).toEqual(first);
      // Byte-wise too: re-rendering compares the stored spec as text.
      expect(second.ok && stringifySpec(second.spec)).toBe(
        stringifySpec(first.spec),
      );
    }
  });

  it('reports YAML syntax errors with a line', () => {
    const result = parseSpec('metadata:\n  name: [unclosed\n');
    expect(result).toEqual({
      ok: false,
      errors: [
        expect.objectContaining({
          path: '',
          message: expect.stringMatching(/^invalid YAML/),
        }),
      ],
    });
  });

  it('refuses a document that is not a mapping', () => {
    expect(parseSpec('- a\n- b\n')).toEqual({
      ok: false,
      errors: [
        {
          path: '',
          message: 'a spec must be a YAML mapping (an object)',
          line: 1,
        },
      ],
    });
  });

  it('points each error at the line of the offending field', () => {
    const doc = minimal();
    doc.spec.workers[0].queues[0].targetLength = 0;
    const text = stringify(doc);
    const result = parseSpec(text, DEFAULTS);
    if (result.ok) throw new Error('accepted');
    const line =
      text.split('\n').findIndex(l => l.includes('targetLength: 0')) + 1;
    expect(result.errors).toEqual([
      {
        path: 'spec.workers[0].queues[0].targetLength',
        message: 'must be at least 1',
        line,
      },
    ]);
  });
});

describe('field rules', () => {
  it.each([
    [
      'apiVersion',
      (d: any) => (d.apiVersion = 'worker-platform.io/v2'),
      'apiVersion',
      /must be worker-platform.io\/v1alpha1/,
    ],
    [
      'kind',
      (d: any) => (d.kind = 'Service'),
      'kind',
      /must be WorkerPlatform/,
    ],
    [
      'missing name',
      (d: any) => delete d.metadata.name,
      'metadata.name',
      /is required/,
    ],
    [
      'uppercase name',
      (d: any) => (d.metadata.name = 'Svc'),
      'metadata.name',
      /DNS label/,
    ],
    [
      'name starting with a digit',
      (d: any) => (d.metadata.name = '1svc'),
      'metadata.name',
      /starting with a letter/,
    ],
    [
      'owner',
      (d: any) => (d.metadata.owner = 'group:default/a b'),
      'metadata.owner',
      /entity reference/,
    ],
    [
      'system of another kind',
      (d: any) => (d.metadata.system = 'group:default/imaging'),
      'metadata.system',
      /System reference/,
    ],
    [
      'registry',
      (d: any) => (d.spec.registry = 'https://ghcr.io'),
      'spec.registry',
      /container registry/,
    ],
    [
      'region',
      (d: any) => (d.spec.region = 'Europe'),
      'spec.region',
      /AWS region/,
    ],
    [
      'repo URL',
      (d: any) => (d.spec.gitops = { repoUrl: 'not a url' }),
      'spec.gitops.repoUrl',
      /git repository URL/,
    ],
    [
      'redis address',
      (d: any) => (d.spec.redis = { address: 'redis' }),
      'spec.redis.address',
      /host:port/,
    ],
    [
      'redis database',
      (d: any) => (d.spec.redis = { databaseIndex: 16 }),
      'spec.redis.databaseIndex',
      /between 0 and 15/,
    ],
    [
      'redis key prefix',
      (d: any) => (d.spec.redis = { keyPrefix: 'a b' }),
      'spec.redis.keyPrefix',
      /may contain only/,
    ],
    [
      'api port',
      (d: any) => (d.spec.api = { port: 80 }),
      'spec.api.port',
      /between 1024 and 65535/,
    ],
    [
      'api host',
      (d: any) => (d.spec.api = { host: 'Not A Host' }),
      'spec.api.host',
      /DNS name/,
    ],
    [
      'api replicas',
      (d: any) => (d.spec.api = { replicas: 0 }),
      'spec.api.replicas',
      /at least 1/,
    ],
    [
      'utilization',
      (d: any) => (d.spec.api = { autoscaling: { cpuUtilization: 150 } }),
      'spec.api.autoscaling.cpuUtilization',
      /between 1 and 100/,
    ],
    [
      'quantity',
      (d: any) =>
        (d.spec.api = {
          resources: {
            requests: { cpu: 'lots', memory: '1Gi' },
            limits: { cpu: '1', memory: '1Gi' },
          },
        }),
      'spec.api.resources.requests.cpu',
      /quantity/,
    ],
    [
      'no workers',
      (d: any) => (d.spec.workers = []),
      'spec.workers',
      /at least one worker pool/,
    ],
    [
      'no queues',
      (d: any) => (d.spec.workers[0].queues = []),
      'spec.workers[0].queues',
      /at least one queue/,
    ],
    [
      'pool name',
      (d: any) => (d.spec.workers[0].name = 'GPU_pool'),
      'spec.workers[0].name',
      /DNS label/,
    ],
    [
      'queue name',
      (d: any) => (d.spec.workers[0].queues[0].name = 'celery:queue'),
      'spec.workers[0].queues[0].name',
      /queue name/,
    ],
    [
      'queue targetLength',
      (d: any) => (d.spec.workers[0].queues[0].targetLength = 2.5),
      'spec.workers[0].queues[0].targetLength',
      /whole number/,
    ],
    [
      'negative gpu',
      (d: any) => (d.spec.workers[0].gpu = -1),
      'spec.workers[0].gpu',
      /0 or more/,
    ],
    [
      'concurrency',
      (d: any) => (d.spec.workers[0].concurrency = 0),
      'spec.workers[0].concurrency',
      /at least 1/,
    ],
    [
      'polling interval',
      (d: any) => (d.spec.workers[0].scaling = { pollingInterval: 0 }),
      'spec.workers[0].scaling.pollingInterval',
      /at least 1/,
    ],
    [
      'max replicas',
      (d: any) => (d.spec.workers[0].scaling = { max: 0 }),
      'spec.workers[0].scaling.max',
      /at least 1/,
    ],
    [
      'node selector key',
      (d: any) => (d.spec.workers[0].nodeSelector = { 'bad key!': 'x' }),
      'spec.workers[0].nodeSelector["bad key!"]',
      /label key/,
    ],
    [
      'node selector value',
      (d: any) => (d.spec.workers[0].nodeSelector = { zone: 'a b' }),
      'spec.workers[0].nodeSelector.zone',
      /label value/,
    ],
    [
      'system package',
      (d: any) => (d.spec.workers[0].systemPackages = ['ffmpeg; rm -rf /']),
      'spec.workers[0].systemPackages[0]',
      /Debian package/,
    ],
    [
      'no environments',
      (d: any) => (d.spec.environments = []),
      'spec.environments',
      /at least one environment/,
    ],
    [
      'environment name',
      (d: any) => (d.spec.environments[0].name = 'Prod'),
      'spec.environments[0].name',
      /DNS label/,
    ],
    [
      'branch',
      (d: any) => (d.spec.environments[0].branch = 'feature..x'),
      'spec.environments[0].branch',
      /branch name/,
    ],
    [
      'cluster',
      (d: any) => (d.spec.environments[0].cluster = 'http://k8s'),
      'spec.environments[0].cluster',
      /https URL/,
    ],
    [
      'config key',
      (d: any) =>
        (d.spec.environments[0].overrides = { config: { 'a b': '1' } }),
      'spec.environments[0].overrides.config["a b"]',
      /ConfigMap key/,
    ],
    [
      'delivery strategy',
      (d: any) => (d.spec.delivery = { strategy: 'shadow' }),
      'spec.delivery.strategy',
      /rolling, blue-green, canary/,
    ],
    [
      'slack channel',
      (d: any) => (d.spec.notifications = { slackChannel: '#deploys' }),
      'spec.notifications.slackChannel',
      /without "#"/,
    ],
    [
      'developer group with a comma',
      (d: any) => (d.spec.gitops = { developerGroups: ['acme:dev,ops'] }),
      'spec.gitops.developerGroups[0]',
      /SSO group name.*no commas/,
    ],
    [
      'developer group twice',
      (d: any) =>
        (d.spec.gitops = { developerGroups: ['acme:dev', 'acme:dev'] }),
      'spec.gitops.developerGroups',
      /twice/,
    ],
    [
      'ArgoCD URL over http',
      (d: any) => (d.spec.gitops = { argocdUrl: 'http://argocd.example.com' }),
      'spec.gitops.argocdUrl',
      /https address of the ArgoCD UI/,
    ],
    [
      'ArgoCD URL with a trailing slash',
      (d: any) =>
        (d.spec.gitops = { argocdUrl: 'https://argocd.example.com/' }),
      'spec.gitops.argocdUrl',
      /without a trailing slash/,
    ],
  ])('%s', (_name, mutate, errorPath, message) => {
    const doc = minimal();
    mutate(doc);
    expectError(doc, errorPath, message);
  });

  it('rejects unknown fields with a "did you mean" hint', () => {
    const doc = minimal();
    doc.spec.workers[0].scaling = { pollingIntervl: 5 };
    doc.spec.enviroments = [];
    expect(errorsOf(doc)).toEqual([
      {
        path: 'spec.workers[0].scaling.pollingIntervl',
        message:
          'unknown field "pollingIntervl"; did you mean "pollingInterval"?',
      },
      {
        path: 'spec.enviroments',
        message: 'unknown field "enviroments"; did you mean "environments"?',
      },
    ]);
  });

  it('offers no hint when nothing is close', () => {
    const doc = minimal();
    doc.metadata.colour = 'blue';
    expect(errorsOf(doc)).toEqual([
      { path: 'metadata.colour', message: 'unknown field "colour"' },
    ]);
  });
});

describe('cross-field rules', () => {
  it('refuses duplicate pool, queue and environment names', () => {
    const doc = minimal();
    doc.spec.workers.push({ name: 'default', queues: [{ name: 'jobs' }] });
    doc.spec.environments.push({ name: 'production' });
    expect(errorsOf(doc).map(e => e.path)).toEqual([
      'spec.workers[1].name',
      'spec.workers[1].queues[0].name',
      'spec.environments[1].name',
      // The duplicate environment also reuses the first one's namespaces.
      'spec.environments[1].name',
      'spec.environments[1].name',
    ]);
  });

  it('refuses one queue consumed by two pools', () => {
    const doc = minimal();
    doc.spec.workers.push({ name: 'other', queues: [{ name: 'jobs' }] });
    expectError(
      doc,
      'spec.workers[1].queues[0].name',
      /duplicate queue name "jobs": a queue is consumed by exactly one pool/,
    );
  });

  it('refuses min above max, also after environment overrides', () => {
    const doc = minimal();
    doc.spec.workers[0].scaling = { min: 2, max: 4 };
    doc.spec.api = { autoscaling: { min: 5, max: 4 } };
    doc.spec.environments[0].overrides = {
      workers: { default: { scaling: { max: 1 } } },
      api: { autoscaling: { max: 2 } },
    };
    expect(errorsOf(doc)).toEqual([
      {
        path: 'spec.api.autoscaling.min',
        message: 'min (5) must not exceed max (4)',
      },
      {
        path: 'spec.environments[0].overrides.api.autoscaling.min',
        message: 'min (5) must not exceed max (2)',
      },
      {
        path: 'spec.environments[0].overrides.workers.default.scaling.min',
        message: 'min (2) must not exceed max (1)',
      },
    ]);
  });

  it('refuses overrides of a pool that does not exist, with a hint', () => {
    const doc = minimal();
    doc.spec.environments[0].overrides = {
      workers: { defualt: { concurrency: 2 } },
    };
    expectError(
      doc,
      'spec.environments[0].overrides.workers.defualt',
      /no worker pool named "defualt"; did you mean "default"\?/,
    );
  });

  it('keeps every derived name within 63 characters', () => {
    const doc = minimal();
    doc.metadata.name = 'a'.repeat(40);
    doc.spec.workers[0].name = 'b'.repeat(20);
    doc.spec.environments[0].name = 'c'.repeat(20);
    expect(errorsOf(doc)).toEqual([
      {
        path: 'spec.workers[0].name',
        message: expect.stringMatching(
          /worker Deployment name "a{40}-b{20}-worker" 68 characters long; Kubernetes allows 63/,
        ),
      },
      {
        path: 'spec.environments[0].name',
        message: expect.stringMatching(
          /ArgoCD Application name .* 69 characters/,
        ),
      },
      {
        path: 'spec.environments[0].name',
        message: expect.stringMatching(/service namespace .* 69 characters/),
      },
      {
        path: 'spec.environments[0].name',
        message: expect.stringMatching(/worker namespace .* 68 characters/),
      },
    ]);
  });

  it('blames an explicit namespace rather than the environment name', () => {
    const doc = minimal();
    doc.spec.environments[0].namespaces = { worker: 'w'.repeat(64) };
    expect(errorsOf(doc).map(e => e.path)).toContain(
      'spec.environments[0].namespaces.worker',
    );
  });

  it('refuses two environments sharing a namespace', () => {
    const doc = minimal();
    doc.spec.environments = [
      { name: 'staging', namespaces: { service: 'shared' } },
      { name: 'qa', namespaces: { service: 'shared' } },
    ];
    expectError(
      doc,
      'spec.environments[1].namespaces.service',
      /"shared" is already used by environment "staging"/,
    );
  });
});

describe('organisation defaults', () => {
  const minimalText = () => stringify(minimal());

  it('fills the owner, registry and API host from them', () => {
    const result = validateSpec(minimal(), {
      registry: 'ghcr.io/acme',
      owner: 'group:default/imaging',
      apiDomain: 'apps.acme.dev',
    });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.spec.metadata.owner).toBe('group:default/imaging');
    expect(result.spec.spec.registry).toBe('ghcr.io/acme');
    expect(result.spec.spec.api.host).toBe('svc.apps.acme.dev');
  });

  it('prefers what the spec gives over them', () => {
    const doc = minimal();
    doc.metadata.owner = 'user:default/jane';
    doc.spec.registry = 'registry.example.org:5000/team';
    doc.spec.api = { host: 'api.svc.io' };
    for (const defaults of [{}, DEFAULTS]) {
      const result = validateSpec(doc, defaults);
      if (!result.ok) throw new Error(JSON.stringify(result.errors));
      expect(result.spec.metadata.owner).toBe('user:default/jane');
      expect(result.spec.spec.registry).toBe('registry.example.org:5000/team');
      expect(result.spec.spec.api.host).toBe('api.svc.io');
    }
  });

  it('without them, names each field the spec must give and how to give it instead', () => {
    const result = parseSpec(minimalText());
    if (result.ok) throw new Error('accepted');
    expect(result.errors).toEqual([
      {
        path: 'metadata.owner',
        message:
          'required — set it in the spec, or workerPlatform.defaults.owner in app-config (the CLI reads it with --defaults FILE)',
        line: 3,
      },
      {
        path: 'spec.registry',
        message:
          'required — set it in the spec, or workerPlatform.defaults.registry in app-config (the CLI reads it with --defaults FILE)',
        line: 5,
      },
      {
        path: 'spec.api.host',
        message:
          'required — set it in the spec, or workerPlatform.defaults.apiDomain in app-config (the host is then <name>.<apiDomain>) (the CLI reads it with --defaults FILE)',
        line: 5,
      },
    ]);
  });

  it('asks only for what no default covers', () => {
    const errors = errorsOfWith(minimal(), {
      owner: 'group:default/platform',
      apiDomain: 'example.com',
    });
    expect(errors.map(e => e.path)).toEqual(['spec.registry']);
  });

  it('lists a missing value with every other error at once', () => {
    const doc = minimal();
    doc.spec.workers[0].queues[0].targetLength = 0;
    doc.spec.enviroments = [];
    expect(errorsOfWith(doc, { ...DEFAULTS, registry: undefined })).toEqual([
      {
        path: 'spec.workers[0].queues[0].targetLength',
        message: 'must be at least 1',
      },
      {
        path: 'spec.enviroments',
        message: 'unknown field "enviroments"; did you mean "environments"?',
      },
      { path: 'spec.registry', message: expect.stringMatching(/^required/) },
    ]);
  });

  it('adds nothing to the error of a section that is itself wrong', () => {
    const doc = minimal();
    doc.spec = 'not a mapping';
    expect(errorsOfWith(doc, {}).map(e => e.path)).toEqual([
      'spec',
      'metadata.owner',
    ]);
  });

  it('refuses a default in the wrong format, naming it', () => {
    expect(
      errorsOfWith(minimal(), { ...DEFAULTS, registry: 'Not A Registry' }),
    ).toEqual([
      {
        path: 'spec.registry',
        message:
          'the default workerPlatform.defaults.registry "Not A Registry" must be a container registry host with an optional path, such as ghcr.io/acme',
      },
    ]);
    expect(
      errorsOfWith(minimal(), { ...DEFAULTS, apiDomain: '*.example.com' }),
    ).toEqual([
      {
        path: 'spec.api.host',
        message: expect.stringContaining(
          'workerPlatform.defaults.apiDomain "*.example.com"',
        ),
      },
    ]);
  });

  it('refuses a derived host that is too long, asking for one in the spec', () => {
    // 250 characters: a valid domain, but "svc." before it makes 254.
    const apiDomain = `${[...'abcd'].map(c => c.repeat(60)).join('.')}.abcdef`;
    expect(apiDomain).toHaveLength(250);
    const errors = errorsOfWith(minimal(), { ...DEFAULTS, apiDomain });
    expect(errors).toEqual([
      {
        path: 'spec.api.host',
        message: expect.stringMatching(
          /must be at most 253 characters; set the host in the spec$/,
        ),
      },
    ]);
  });
});

describe('parseSpecDefaults', () => {
  it('reads workerPlatform.defaults from an app-config, ignoring the rest', () => {
    const result = parseSpecDefaults(
      [
        'app:',
        '  title: Acme',
        'workerPlatform:',
        '  localPublisher:',
        '    directory: /tmp/repos',
        '  defaults:',
        '    registry: ghcr.io/acme',
        '    apiDomain: apps.acme.dev',
        '',
      ].join('\n'),
    );
    expect(result).toEqual({
      ok: true,
      defaults: { registry: 'ghcr.io/acme', apiDomain: 'apps.acme.dev' },
    });
  });

  it('gives no defaults for a file without the key', () => {
    expect(parseSpecDefaults('app:\n  title: Acme\n')).toEqual({
      ok: true,
      defaults: {},
    });
    expect(parseSpecDefaults('workerPlatform:\n  defaults:\n')).toEqual({
      ok: true,
      defaults: {},
    });
  });

  it('refuses a value in the wrong format or an unknown key, with its line', () => {
    const result = parseSpecDefaults(
      [
        'workerPlatform:',
        '  defaults:',
        '    owner: group:default/platform',
        '    registry: ${REGISTRY}',
        '    apiDomian: example.com',
        '',
      ].join('\n'),
    );
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          path: 'workerPlatform.defaults.registry',
          message:
            'must be a container registry host with an optional path, such as ghcr.io/acme',
          line: 4,
        },
        {
          path: 'workerPlatform.defaults.apiDomian',
          message: 'unknown field "apiDomian"; did you mean "apiDomain"?',
          line: 5,
        },
      ],
    });
  });

  it('reports YAML syntax errors with a line', () => {
    const result = parseSpecDefaults('workerPlatform: [unclosed\n');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]).toMatchObject({
      path: '',
      message: expect.stringMatching(/^invalid YAML/),
      line: expect.any(Number),
    });
  });
});

function errorsOfWith(doc: unknown, defaults: SpecDefaults) {
  const result = validateSpec(doc, defaults);
  if (result.ok) throw new Error('expected the spec to be refused');
  return result.errors;
}
