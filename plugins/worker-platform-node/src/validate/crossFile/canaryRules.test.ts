import { Finding } from '../types';
import { renderRepository } from '../../render/renderRepository';
import { exampleSpec } from '../../render/__testUtils__/testSpecs';
import { checkRule, lines } from '../__testUtils__/checkRule';
import { smallRepository } from '../__testUtils__/smallRepository';
import { albTrafficRule } from './albTrafficRule';
import { deliveryConflictRule } from './deliveryConflictRule';

/**
 * One rule's findings on the canary repository, each once: the base files
 * are in both environments' units, as validateRepository dedupes them.
 */
async function check(
  rule: typeof albTrafficRule,
  files: Record<string, string>,
): Promise<Finding[]> {
  const unique = new Map(
    (await checkRule(rule, files)).map(f => [JSON.stringify(f), f]),
  );
  return [...unique.values()];
}

const ROLLOUT = 'k8s/base/service-ns/rollout.yaml';
const INGRESS = 'k8s/base/service-ns/ingress.yaml';
const KUSTOMIZATION = 'k8s/base/service-ns/kustomization.yaml';

/** The canary golden case as rendered: a Rollout on the ALB. */
const canaryRepository = () =>
  Object.fromEntries(renderRepository(exampleSpec('canary')));

/** The canary repository with one file's text replaced (the text must be there). */
function edited(
  file: string,
  from: string | RegExp,
  to: string,
): Record<string, string> {
  const files = canaryRepository();
  const next = files[file].replace(from, to);
  if (next === files[file]) throw new Error(`${file} has no ${from}`);
  return { ...files, [file]: next };
}

describe('cross-file/alb-traffic', () => {
  it('finds nothing in the rendered canary, rolling or small repository', async () => {
    expect(await check(albTrafficRule, canaryRepository())).toEqual([]);
    expect(
      await checkRule(
        albTrafficRule,
        Object.fromEntries(renderRepository(exampleSpec('pingvasai'))),
      ),
    ).toEqual([]);
    expect(await check(albTrafficRule, smallRepository())).toEqual([]);
  });

  it('reports a Rollout routed back through ingress-nginx', async () => {
    const files = edited(
      ROLLOUT,
      /alb:\n(\s+)ingress: ocr-api\n\s+servicePort: 80/,
      'nginx:\n$1stableIngress: ocr-api',
    );
    expect(await check(albTrafficRule, files)).toEqual([
      expect.objectContaining({
        file: ROLLOUT,
        message: expect.stringContaining('through "nginx"'),
      }),
    ]);
  });

  it('reports an nginx Ingress class and nginx annotations', async () => {
    const files = edited(
      INGRESS,
      /annotations:\n/,
      'annotations:\n    nginx.ingress.kubernetes.io/canary: "true"\n',
    );
    files[INGRESS] = files[INGRESS].replace(
      'ingressClassName: alb',
      'ingressClassName: nginx',
    );
    const findings = await check(albTrafficRule, files);
    expect(findings.map(f => f.message)).toEqual([
      expect.stringMatching(/is of class nginx/),
      expect.stringMatching(/nginx\.ingress\.kubernetes\.io\/canary/),
      expect.stringMatching(/not of class alb/),
    ]);
    expect(new Set(findings.map(f => f.file))).toEqual(new Set([INGRESS]));
  });

  it('reports an Ingress backend that ignores the weights', async () => {
    const files = edited(INGRESS, 'name: use-annotation', 'number: 80');
    expect(await check(albTrafficRule, files)).toEqual([
      expect.objectContaining({
        file: INGRESS,
        message: expect.stringContaining('port name use-annotation'),
      }),
    ]);
  });

  it('reports the weights written into git', async () => {
    const files = edited(
      INGRESS,
      /annotations:\n/,
      'annotations:\n    alb.ingress.kubernetes.io/actions.ocr-api: "{}"\n',
    );
    expect(await check(albTrafficRule, files)).toEqual([
      expect.objectContaining({
        file: INGRESS,
        message: expect.stringContaining('reset its weights'),
      }),
    ]);
  });

  it('reports a missing canary Service and a port the Services lack', async () => {
    const files = edited(KUSTOMIZATION, '  - service-canary.yaml\n', '');
    files[ROLLOUT] = files[ROLLOUT].replace(
      'servicePort: 80',
      'servicePort: 8080',
    );
    expect((await check(albTrafficRule, files)).map(f => f.message)).toEqual([
      expect.stringContaining(
        'forwards the ALB to port 8080 of Service/ocr-api',
      ),
      expect.stringContaining('canaryService "ocr-api-canary"'),
    ]);
  });

  it('reports a Flagger Canary on nginx', async () => {
    const files: Record<string, string> = {
      ...smallRepository(),
      'k8s/base/service-ns/canary.yaml': lines(
        'apiVersion: flagger.app/v1beta1',
        'kind: Canary',
        'metadata:',
        '  name: imagegen-api',
        'spec:',
        '  provider: nginx',
      ),
    };
    files[KUSTOMIZATION] = files[KUSTOMIZATION].replace(
      '  - service.yaml\n',
      '  - service.yaml\n  - canary.yaml\n',
    );
    expect(await check(albTrafficRule, files)).toEqual([
      expect.objectContaining({
        file: 'k8s/base/service-ns/canary.yaml',
        line: 6,
      }),
    ]);
  });
});

describe('cross-file/delivery-conflict with a Rollout', () => {
  it('accepts the Rollout with its stable and canary Services', async () => {
    expect(await check(deliveryConflictRule, canaryRepository())).toEqual([]);
  });

  it('reports a blue/green Service on the pods the Rollout releases', async () => {
    const files = edited(
      KUSTOMIZATION,
      '  - service-canary.yaml\n',
      '  - service-canary.yaml\n  - service-blue.yaml\n',
    );
    files['k8s/base/service-ns/service-blue.yaml'] = lines(
      'apiVersion: v1',
      'kind: Service',
      'metadata:',
      '  name: ocr-api-blue',
      'spec:',
      '  selector:',
      '    app.kubernetes.io/name: ocr-api',
      '  ports:',
      '    - port: 80',
    );
    expect(await check(deliveryConflictRule, files)).toEqual([
      expect.objectContaining({
        file: 'k8s/base/service-ns/service-blue.yaml',
        line: 6,
        message: expect.stringContaining('Rollout/ocr-api releases'),
      }),
    ]);
  });

  it('reports an HPA on the Deployment instead of the Rollout', async () => {
    const files = edited(
      'k8s/base/service-ns/hpa.yaml',
      /apiVersion: argoproj.io\/v1alpha1\n(\s+)kind: Rollout/,
      'apiVersion: apps/v1\n$1kind: Deployment',
    );
    expect(await check(deliveryConflictRule, files)).toEqual([
      expect.objectContaining({
        file: 'k8s/base/service-ns/hpa.yaml',
        message: expect.stringContaining('scale the Rollout'),
      }),
    ]);
  });
});
