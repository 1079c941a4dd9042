import fs from 'fs';
import path from 'path';
import { parse, parseAllDocuments } from 'yaml';
import {
  COMPONENT_LABEL,
  ENVIRONMENT_LABEL,
  KUBERNETES_ID_LABEL,
  WORKER_LABEL,
} from '@worker-platform/plugin-worker-platform-common';
import { findKustomize, writeToTempDir } from './kustomizeBuild';
import { renderRepository } from './renderRepository';
import { exampleSpec, goldenSpecNames } from './__testUtils__/testSpecs';

const tool = findKustomize();

if (!tool) {
  // A skip must be seen: jest reports it as skipped (and so does the test
  // command's last line), and the console says why.
  // eslint-disable-next-line no-console
  console.warn(
    '\n\n  *** SKIPPED: no kustomize on this machine (install kubectl or kustomize) ***\n\n',
  );
  describe('kustomize builds of the golden repositories', () => {
    // eslint-disable-next-line jest/no-disabled-tests, jest/expect-expect -- counted as skipped
    it.skip('SKIPPED: no kustomize on this machine', () => {});
  });
} else {
  describe.each(goldenSpecNames)(`${tool.name} on the %s repository`, name => {
    const spec = exampleSpec(name);
    const root = writeToTempDir(renderRepository(spec));
    const applications = fs
      .readdirSync(path.join(root, 'argocd/applications'))
      .map(file =>
        parse(
          fs.readFileSync(path.join(root, 'argocd/applications', file), 'utf8'),
        ),
      );

    afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

    it('registers every Application with `kubectl apply -k argocd`', () => {
      const kinds = parseAllDocuments(
        tool.build(path.join(root, 'argocd')),
      ).map(doc => doc.toJS().kind);
      expect(kinds.filter(k => k === 'Application')).toHaveLength(
        spec.spec.environments.length * 2,
      );
      expect(kinds).toContain('AppProject');
    });

    it.each(applications.map(app => [app.metadata.name, app]))(
      'builds %s into labelled objects of its namespace',
      (_, app) => {
        const objects = parseAllDocuments(
          tool.build(path.join(root, app.spec.source.path)),
        ).map(doc => doc.toJS());
        const environment = app.metadata.labels[ENVIRONMENT_LABEL];
        const component = app.metadata.labels[COMPONENT_LABEL];
        expect(objects.length).toBeGreaterThan(3);
        for (const object of objects) {
          const where = `${object.kind}/${object.metadata.name}`;
          expect({ where, labels: object.metadata.labels }).toMatchObject({
            where,
            labels: {
              [KUBERNETES_ID_LABEL]: spec.metadata.name,
              [ENVIRONMENT_LABEL]: environment,
              [COMPONENT_LABEL]: component,
            },
          });
          const namespace =
            object.kind === 'Namespace'
              ? object.metadata.name
              : object.metadata.namespace;
          expect({ where, namespace }).toEqual({
            where,
            namespace: app.spec.destination.namespace,
          });
        }
        const pools = objects.filter(
          o =>
            ['Deployment', 'ScaledObject'].includes(o.kind) &&
            o.metadata.labels[COMPONENT_LABEL] === 'worker',
        );
        for (const object of pools) {
          expect(object.metadata.labels[WORKER_LABEL]).toBeTruthy();
        }
      },
    );
  });
}
