import { checkRule, lines } from '../__testUtils__/checkRule';
import { smallRepository } from '../__testUtils__/smallRepository';
import { argocdDestinationsRule } from './argocdDestinationsRule';
import { autoscalerConflictRule } from './autoscalerConflictRule';
import { ciImagesRule } from './ciImagesRule';
import { configRefsRule } from './configRefsRule';
import { deliveryConflictRule } from './deliveryConflictRule';
import { hookImageRule } from './hookImageRule';
import { kedaQueuesRule } from './kedaQueuesRule';
import { scaleTargetRule } from './scaleTargetRule';

/** The small repository with one file's text replaced (the text must be there). */
function edited(
  file: string,
  from: string,
  to: string,
): Record<string, string> {
  const files = smallRepository();
  if (!files[file].includes(from)) throw new Error(`${file} has no ${from}`);
  return { ...files, [file]: files[file].replace(from, to) };
}

const SCALED_OBJECT = 'k8s/base/worker-ns/gpu-scaledobject.yaml';
const WORKER = 'k8s/base/worker-ns/gpu-deployment.yaml';

describe.each([
  kedaQueuesRule,
  autoscalerConflictRule,
  scaleTargetRule,
  configRefsRule,
  ciImagesRule,
  argocdDestinationsRule,
  hookImageRule,
  deliveryConflictRule,
])('$id', rule => {
  it('finds nothing in the consistent repository', async () => {
    expect(await checkRule(rule, smallRepository())).toEqual([]);
  });
});

describe('cross-file/keda-queues', () => {
  it('reports a trigger on celery:queue:<q>, which Celery never writes', async () => {
    const findings = await checkRule(
      kedaQueuesRule,
      edited(SCALED_OBJECT, 'listName: pro', 'listName: celery:queue:pro'),
    );
    expect(findings).toEqual([
      expect.objectContaining({
        file: SCALED_OBJECT,
        line: 17,
        message: expect.stringContaining('"celery:queue:pro"'),
      }),
      expect.objectContaining({
        file: SCALED_OBJECT,
        message: expect.stringContaining('consumes queue "pro" but'),
      }),
    ]);
  });

  it('expects the broker key prefix in listName', async () => {
    const files = edited(
      'k8s/base/worker-ns/configmap.yaml',
      'CELERY_KEY_PREFIX: ""',
      'CELERY_KEY_PREFIX: "tenant:"',
    );
    expect(await checkRule(kedaQueuesRule, files)).toHaveLength(4);
    const prefixed = {
      ...files,
      [SCALED_OBJECT]: files[SCALED_OBJECT].replace(
        'listName: pro',
        'listName: tenant:pro',
      ).replace('listName: free', 'listName: tenant:free'),
    };
    expect(await checkRule(kedaQueuesRule, prefixed)).toEqual([]);
  });

  it('reads -Q as well as --queues', async () => {
    expect(
      await checkRule(
        kedaQueuesRule,
        edited(WORKER, '"--queues=pro,free"', '-Q, "pro,free"'),
      ),
    ).toEqual([]);
  });
});

describe('cross-file/autoscaler-conflict', () => {
  it('reports an HPA on a Deployment a ScaledObject scales', async () => {
    const files = {
      ...edited(
        'k8s/base/worker-ns/kustomization.yaml',
        '  - configmap.yaml\n',
        '  - configmap.yaml\n  - hpa.yaml\n',
      ),
      'k8s/base/worker-ns/hpa.yaml': lines(
        'apiVersion: autoscaling/v2',
        'kind: HorizontalPodAutoscaler',
        'metadata:',
        '  name: imagegen-gpu-worker',
        'spec:',
        '  scaleTargetRef:',
        '    apiVersion: apps/v1',
        '    kind: Deployment',
        '    name: imagegen-gpu-worker',
        '  maxReplicas: 4',
      ),
    };
    expect(await checkRule(autoscalerConflictRule, files)).toEqual([
      expect.objectContaining({ file: 'k8s/base/worker-ns/hpa.yaml', line: 9 }),
    ]);
  });
});

describe('cross-file/scale-target', () => {
  it('reports a ScaledObject whose Deployment is not deployed with it', async () => {
    expect(
      await checkRule(
        scaleTargetRule,
        edited(
          SCALED_OBJECT,
          'name: imagegen-gpu-worker\n  pollingInterval',
          'name: imagegen-gpu\n  pollingInterval',
        ),
      ),
    ).toEqual([expect.objectContaining({ file: SCALED_OBJECT, line: 7 })]);
  });
});

describe('cross-file/config-refs', () => {
  it('reports a ConfigMap name nothing creates', async () => {
    expect(
      await checkRule(
        configRefsRule,
        edited(WORKER, 'name: imagegen-config', 'name: imagegen-settings'),
      ),
    ).toEqual([
      expect.objectContaining({
        file: WORKER,
        line: 25,
        message: expect.stringContaining('"imagegen-settings"'),
      }),
    ]);
  });

  it('accepts a reference declared external', async () => {
    const files = edited(
      WORKER,
      '    worker-platform.io/component: worker',
      '    worker-platform.io/component: worker\n  annotations:\n    worker-platform.io/external-refs: shared-registry-creds',
    );
    const withRef = {
      ...files,
      [WORKER]: files[WORKER].replace(
        'name: imagegen-secrets',
        'name: shared-registry-creds',
      ),
    };
    expect(await checkRule(configRefsRule, withRef)).toEqual([]);
  });

  it('reports a TriggerAuthentication reading a missing Secret', async () => {
    const findings = await checkRule(
      configRefsRule,
      edited(
        'k8s/base/worker-ns/trigger-authentication.yaml',
        'name: imagegen-secrets',
        'name: redis-password',
      ),
    );
    expect(findings).toEqual([
      expect.objectContaining({
        file: 'k8s/base/worker-ns/trigger-authentication.yaml',
      }),
    ]);
  });
});

describe('cross-file/ci-images', () => {
  it('reports a set image name the overlay does not have', async () => {
    expect(
      await checkRule(
        ciImagesRule,
        edited(
          '.github/workflows/ci.yml',
          '"imagegen-gpu-worker=',
          '"imagegen-gpu=',
        ),
      ),
    ).toEqual([
      expect.objectContaining({
        file: '.github/workflows/ci.yml',
        message: expect.stringContaining('no images entry named imagegen-gpu'),
      }),
    ]);
  });

  it('reports kustomize edit run in a directory without a kustomization', async () => {
    expect(
      await checkRule(
        ciImagesRule,
        edited('.github/workflows/ci.yml', 'cd ../worker-ns', 'cd ../workers'),
      ),
    ).toEqual([
      expect.objectContaining({
        message: expect.stringContaining(
          'k8s/overlays/production/workers, which has no kustomization',
        ),
      }),
    ]);
  });
});

describe('cross-file/argocd-destinations', () => {
  it('reports a destination outside the AppProject', async () => {
    expect(
      await checkRule(
        argocdDestinationsRule,
        edited(
          'argocd/applications/production-workers.yaml',
          'namespace: imagegen-production-worker',
          'namespace: kube-system',
        ),
      ),
    ).toEqual([
      expect.objectContaining({
        file: 'argocd/applications/production-workers.yaml',
        line: 11,
      }),
    ]);
  });
});

describe('cross-file/hook-image', () => {
  it('reports a migration hook on another image than the API', async () => {
    expect(
      await checkRule(
        hookImageRule,
        edited(
          'k8s/base/service-ns/migration-job.yaml',
          'image: imagegen-api',
          'image: imagegen-migrations',
        ),
      ),
    ).toEqual([
      expect.objectContaining({
        file: 'k8s/base/service-ns/migration-job.yaml',
        line: 13,
      }),
    ]);
  });
});

describe('cross-file/delivery-conflict', () => {
  const canary = (provider: string) =>
    lines(
      'apiVersion: flagger.app/v1beta1',
      'kind: Canary',
      'metadata:',
      '  name: imagegen-api',
      'spec:',
      `  provider: ${provider}`,
      '  targetRef:',
      '    apiVersion: apps/v1',
      '    kind: Deployment',
      '    name: imagegen-api',
    );
  const withCanary = (provider: string, service = true) => {
    const files = edited(
      'k8s/base/service-ns/kustomization.yaml',
      '  - service.yaml\n',
      `${service ? '  - service.yaml\n' : ''}  - canary.yaml\n`,
    );
    return { ...files, 'k8s/base/service-ns/canary.yaml': canary(provider) };
  };

  it('accepts a Canary that owns its Services', async () => {
    expect(
      await checkRule(deliveryConflictRule, withCanary('nginx', false)),
    ).toEqual([]);
  });

  it('reports a hand-written Service on the canaried Deployment', async () => {
    expect(await checkRule(deliveryConflictRule, withCanary('nginx'))).toEqual([
      expect.objectContaining({
        file: 'k8s/base/service-ns/service.yaml',
        line: 6,
      }),
    ]);
  });

  it('reports the ALB provider Flagger does not have', async () => {
    expect(
      await checkRule(deliveryConflictRule, withCanary('alb', false)),
    ).toEqual([
      expect.objectContaining({
        file: 'k8s/base/service-ns/canary.yaml',
        message: expect.stringContaining('"alb"'),
      }),
    ]);
  });
});
