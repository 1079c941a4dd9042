import { checkRule, lines } from '../__testUtils__/checkRule';
import { smallRepository } from '../__testUtils__/smallRepository';
import { RepositorySnapshot } from '../repository/RepositorySnapshot';
import { commonLabelsRule } from './commonLabelsRule';
import { findDeployUnits } from './deployUnits';
import { kustomizeBuildRule } from './kustomizeBuildRule';
import {
  CommandRunner,
  detectKustomizeTool,
  isKustomizeTool,
  KustomizeTool,
  withoutLogPrefix,
} from './KustomizeTool';
import { kustomizeToolRule } from './kustomizeToolRule';
import { namespaceCollapseRule } from './namespaceCollapseRule';

/** A fake machine that has exactly these commands, printing these versions. */
function machine(versions: {
  kustomize?: string;
  kubectlMinor?: number;
}): CommandRunner {
  return async (command, args) => {
    if (
      command === 'kustomize' &&
      versions.kustomize &&
      args[0] === 'version'
    ) {
      return { stdout: `${versions.kustomize}\n`, stderr: '' };
    }
    if (
      command === 'kubectl' &&
      versions.kubectlMinor !== undefined &&
      args[0] === 'version'
    ) {
      return {
        stdout: JSON.stringify({
          clientVersion: { major: '1', minor: String(versions.kubectlMinor) },
          kustomizeVersion: 'v5.5.0',
        }),
        stderr: '',
      };
    }
    throw Object.assign(new Error(`${command}: not found`), { code: 'ENOENT' });
  };
}

describe('detectKustomizeTool', () => {
  it.each([
    [{ kustomize: 'v5.4.3' }, 'kustomize v5.4.3'],
    [
      { kustomize: 'v3.9.0', kubectlMinor: 32 },
      'kubectl 1.32 (kustomize v5.5.0)',
    ],
    [{ kubectlMinor: 21 }, 'kubectl 1.21 (kustomize v5.5.0)'],
  ])('picks a new-enough tool on %j', async (versions, description) => {
    const tool = await detectKustomizeTool(machine(versions));
    expect(isKustomizeTool(tool) && tool.description).toBe(description);
  });

  it.each([
    [{}, 'missing', /neither kustomize nor kubectl/],
    [
      { kustomize: 'v3.9.0', kubectlMinor: 20 },
      'too-old',
      /found only kustomize v3\.9\.0 and kubectl 1\.20/,
    ],
  ])('explains what is wrong on %j', async (versions, kind, message) => {
    expect(await detectKustomizeTool(machine(versions))).toEqual({
      kind,
      message: expect.stringMatching(message),
    });
  });
});

describe('kustomize/tool', () => {
  it('warns, never passes silently, when no tool was found', async () => {
    const problem = await detectKustomizeTool(machine({}));
    expect(
      await checkRule(kustomizeToolRule, smallRepository(), problem),
    ).toEqual([
      expect.objectContaining({
        file: '.',
        severity: 'warning',
        message: expect.stringContaining('validation is incomplete'),
      }),
    ]);
  });
});

describe('findDeployUnits', () => {
  it('lists every overlay and every Application path once, with the Applications that use it', () => {
    const files = smallRepository();
    const units = findDeployUnits(
      RepositorySnapshot.fromFiles(new Map(Object.entries(files))),
    );
    expect(
      units.map(u => [u.dir, u.applications.map(a => `${a.file}:${a.line}`)]),
    ).toEqual([
      ['k8s/overlays/production/service-ns', []],
      [
        'k8s/overlays/production/worker-ns',
        ['argocd/applications/production-workers.yaml:10'],
      ],
    ]);
  });
});

describe('kustomize/build', () => {
  const failingTool: KustomizeTool = {
    description: 'fake',
    build: async dir =>
      dir.endsWith('worker-ns')
        ? {
            ok: false,
            error: `Error: accumulating resources: ${dir}/missing.yaml: no such file`,
          }
        : { ok: true, output: '' },
  };

  it('reports a failed build at the kustomization and at each Application that deploys it', async () => {
    const findings = await checkRule(
      kustomizeBuildRule,
      smallRepository(),
      failingTool,
    );
    expect(findings.map(f => `${f.file}:${f.line ?? ''}`)).toEqual([
      'k8s/overlays/production/worker-ns/kustomization.yaml:',
      'argocd/applications/production-workers.yaml:10',
    ]);
    expect(findings[0].message).not.toContain('/tmp/');
  });

  it('reports an Application path without a kustomization even without a tool', async () => {
    const files = smallRepository();
    files['argocd/applications/production-workers.yaml'] = files[
      'argocd/applications/production-workers.yaml'
    ].replace(
      'path: k8s/overlays/production/worker-ns',
      'path: k8s/overlays/production',
    );
    expect(await checkRule(kustomizeBuildRule, files)).toEqual([
      expect.objectContaining({
        file: 'argocd/applications/production-workers.yaml',
        line: 10,
        message: expect.stringContaining('has no kustomization.yaml'),
      }),
    ]);
  });
});

describe('kustomize/common-labels', () => {
  it('reports commonLabels with its line', async () => {
    expect(await checkRule(commonLabelsRule, smallRepository())).toEqual([]);
    const files = smallRepository();
    files['k8s/overlays/production/worker-ns/kustomization.yaml'] += lines(
      'commonLabels:',
      '  app: imagegen',
    );
    expect(await checkRule(commonLabelsRule, files)).toEqual([
      expect.objectContaining({
        file: 'k8s/overlays/production/worker-ns/kustomization.yaml',
        line: 12,
      }),
    ]);
  });
});

describe('kustomize/namespace-collapse', () => {
  it('reports one namespace: over API and worker resources', async () => {
    expect(await checkRule(namespaceCollapseRule, smallRepository())).toEqual(
      [],
    );
    const files = smallRepository();
    files['k8s/overlays/production/worker-ns/kustomization.yaml'] = files[
      'k8s/overlays/production/worker-ns/kustomization.yaml'
    ].replace(
      '  - ../../../base/worker-ns\n',
      '  - ../../../base/worker-ns\n  - ../../../base/service-ns\n',
    );
    expect(await checkRule(namespaceCollapseRule, files)).toEqual([
      expect.objectContaining({
        line: 3,
        message: expect.stringContaining('components api, worker'),
      }),
    ]);
  });
});

describe('withoutLogPrefix', () => {
  it("keeps kustomize's error from kubectl's log line", () => {
    expect(
      withoutLogPrefix(
        'E1128 22:21:13.232560   12156 run.go:72] "command failed" err="invalid Kustomization: json: cannot unmarshal bool into Go struct field Label.labels.pairs of type string"',
      ),
    ).toBe(
      'invalid Kustomization: json: cannot unmarshal bool into Go struct field Label.labels.pairs of type string',
    );
    expect(withoutLogPrefix('Error: no such file')).toBe('Error: no such file');
  });
});
