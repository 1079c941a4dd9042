import { stringifySpec } from '@worker-platform/plugin-worker-platform-common';
import { checkRule, lines } from '../__testUtils__/checkRule';
import { smallRepository } from '../__testUtils__/smallRepository';
import { renderRepository } from '../../render/renderRepository';
import {
  demoSpecDefaults,
  exampleSpec,
} from '../../render/__testUtils__/testSpecs';
import { checkSchema } from './checkSchema';
import { kedaPauseRule } from './kedaPauseRule';
import { kubernetesSchemaRule } from './kubernetesSchemaRule';
import { unknownFieldRule } from './unknownFieldRule';
import { unmodeledKindRule } from './unmodeledKindRule';
import { workerPlatformSpecRule } from './workerPlatformSpecRule';
import { yamlSyntaxRule } from './yamlSyntaxRule';

const DEPLOYMENT = 'k8s/base/worker-ns/gpu-deployment.yaml';
const SCALED_OBJECT = 'k8s/base/worker-ns/gpu-scaledobject.yaml';

function edited(
  file: string,
  from: string,
  to: string,
): Record<string, string> {
  const files = smallRepository();
  if (!files[file].includes(from)) throw new Error(`${file} has no ${from}`);
  return { ...files, [file]: files[file].replace(from, to) };
}

describe('checkSchema', () => {
  const deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'api', labels: { 'any/label': 'x' } },
    spec: {
      selector: { matchLabels: { app: 'api' } },
      template: {
        metadata: { labels: { app: 'api' } },
        spec: {
          containers: [
            {
              name: 'api',
              image: 'api:1',
              envFrom: [{ configMapRef: { name: 'cfg', namespace: 'other' } }],
              resources: { limits: { cpu: '1', 'nvidia.com/gpu': '1' } },
            },
          ],
        },
      },
    },
  };

  it('finds fields the schema does not define, but not keys of maps', () => {
    expect(checkSchema(deployment)?.unknownFields).toEqual([
      [
        'spec',
        'template',
        'spec',
        'containers',
        0,
        'envFrom',
        0,
        'configMapRef',
        'namespace',
      ],
    ]);
  });

  it('reports violations with their path', () => {
    expect(
      checkSchema({
        ...deployment,
        spec: { ...deployment.spec, replicas: 'three' },
      })?.violations,
    ).toEqual([{ path: ['spec', 'replicas'], message: 'must be integer' }]);
  });

  it('knows KEDA and ArgoCD kinds, and no others', () => {
    expect(
      checkSchema({
        apiVersion: 'keda.sh/v1alpha1',
        kind: 'ScaledObject',
        spec: { scaleTargetRef: { name: 'w' }, pollingIntervl: 5 },
      })?.unknownFields,
    ).toEqual([['spec', 'pollingIntervl']]);
    expect(
      checkSchema({
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'AppProject',
        metadata: { name: 'imagegen' },
        spec: { description: 'kept' },
      }),
    ).toEqual({ violations: [], unknownFields: [] });
    expect(
      checkSchema({ apiVersion: 'example.com/v1', kind: 'Widget' }),
    ).toBeUndefined();
  });
});

describe('schemas/kubernetes', () => {
  it('passes valid objects', async () => {
    expect(await checkRule(kubernetesSchemaRule, smallRepository())).toEqual(
      [],
    );
  });

  it('reports a violation at its line', async () => {
    expect(
      await checkRule(
        kubernetesSchemaRule,
        edited(DEPLOYMENT, 'replicas: 0', 'replicas: none'),
      ),
    ).toEqual([
      expect.objectContaining({
        file: DEPLOYMENT,
        line: 8,
        message:
          'Deployment/imagegen-gpu-worker: /spec/replicas must be integer',
      }),
    ]);
  });
});

describe('schemas/unknown-field', () => {
  it('passes the repository as written', async () => {
    expect(await checkRule(unknownFieldRule, smallRepository())).toEqual([]);
  });

  it('reports configMapRef.namespace and a pollingIntervl typo', async () => {
    const files = {
      ...edited(
        DEPLOYMENT,
        '                name: imagegen-config',
        '                name: imagegen-config\n                namespace: shared',
      ),
      [SCALED_OBJECT]: smallRepository()[SCALED_OBJECT].replace(
        'pollingInterval',
        'pollingIntervl',
      ),
    };
    expect(await checkRule(unknownFieldRule, files)).toEqual([
      expect.objectContaining({ file: DEPLOYMENT, line: 26 }),
      expect.objectContaining({ file: SCALED_OBJECT, line: 8 }),
    ]);
  });

  it('does not check overlay patches on their own (they are partial)', async () => {
    const files = {
      ...edited(
        'k8s/overlays/production/worker-ns/kustomization.yaml',
        'images:',
        'patches:\n  - path: patches/gpu.yaml\nimages:',
      ),
      'k8s/overlays/production/worker-ns/patches/gpu.yaml': lines(
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        '  name: imagegen-gpu-worker',
        'spec:',
        '  replicas: 1',
      ),
    };
    expect(await checkRule(kubernetesSchemaRule, files)).toEqual([]);
  });
});

describe('schemas/unmodeled-kind', () => {
  it('stays quiet for SealedSecret, which publishes no model', async () => {
    expect(await checkRule(unmodeledKindRule, smallRepository())).toEqual([]);
  });

  it("stays quiet for a canary's Rollout and AnalysisTemplate", async () => {
    const files = Object.fromEntries(renderRepository(exampleSpec('canary')));
    expect(files['k8s/base/service-ns/rollout.yaml']).toContain(
      'kind: Rollout',
    );
    expect(await checkRule(unmodeledKindRule, files)).toEqual([]);
  });

  it('warns once per kind it cannot check', async () => {
    const files = edited(
      SCALED_OBJECT,
      'apiVersion: keda.sh/v1alpha1',
      'apiVersion: keda.sh/v1',
    );
    expect(await checkRule(unmodeledKindRule, files)).toEqual([
      expect.objectContaining({
        file: SCALED_OBJECT,
        line: 2,
        severity: 'warning',
      }),
    ]);
  });
});

describe('schemas/keda-polling-pause', () => {
  it('reports pollingInterval 0', async () => {
    expect(await checkRule(kedaPauseRule, smallRepository())).toEqual([]);
    expect(
      await checkRule(
        kedaPauseRule,
        edited(SCALED_OBJECT, 'pollingInterval: 15', 'pollingInterval: 0'),
      ),
    ).toEqual([
      expect.objectContaining({
        file: SCALED_OBJECT,
        line: 8,
        message: expect.stringContaining('autoscaling.keda.sh/paused'),
      }),
    ]);
  });
});

describe('schemas/yaml-syntax', () => {
  it('reports a file that does not parse, with the line', async () => {
    expect(await checkRule(yamlSyntaxRule, smallRepository())).toEqual([]);
    expect(
      await checkRule(
        yamlSyntaxRule,
        edited(DEPLOYMENT, '  replicas: 0', '  replicas: 0\n\treplicas: 1'),
      ),
    ).toEqual([expect.objectContaining({ file: DEPLOYMENT, line: 9 })]);
  });
});

describe('schemas/worker-platform-spec', () => {
  // The spec as a render keeps it: every value resolved and written out.
  const kept = stringifySpec(exampleSpec('minimal'));

  it('passes a valid kept spec and reports field errors of an edited one', async () => {
    expect(
      await checkRule(workerPlatformSpecRule, {
        '.worker-platform/spec.yaml': kept,
      }),
    ).toEqual([]);
    const findings = await checkRule(workerPlatformSpecRule, {
      '.worker-platform/spec.yaml': kept.replace(
        /name: [a-z-]+/,
        'name: Not_A_Label',
      ),
    });
    expect(findings).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/^metadata\.name: must be a DNS label/),
      }),
    ]);
  });

  it("reads the kept spec with the organisation's defaults, as upgrade does", async () => {
    const files = {
      '.worker-platform/spec.yaml': kept.replace(/^ {2}registry: .*\n/m, ''),
    };
    expect(await checkRule(workerPlatformSpecRule, files)).toEqual([
      expect.objectContaining({
        file: '.worker-platform/spec.yaml',
        line: expect.any(Number),
        message: expect.stringMatching(
          /^spec\.registry: required — set it in the spec, or workerPlatform\.defaults\.registry in app-config/,
        ),
      }),
    ]);
    expect(
      await checkRule(
        workerPlatformSpecRule,
        files,
        undefined,
        demoSpecDefaults(),
      ),
    ).toEqual([]);
  });
});
