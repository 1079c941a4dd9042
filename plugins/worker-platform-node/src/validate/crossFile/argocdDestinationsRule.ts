import { Finding } from '../types';
import { KubernetesObject } from '../repository/objects';
import { findingOf, ValidationRule } from '../ValidationRule';

interface Destination {
  server?: string;
  name?: string;
  namespace?: string;
}

/** Every Application deploys where its AppProject allows. */
export const argocdDestinationsRule: ValidationRule = {
  id: 'cross-file/argocd-destinations',
  family: 'cross-file',
  why: 'ArgoCD refuses to sync an Application whose destination is outside its AppProject ("application destination is not permitted").',
  check(context) {
    const sources = context.sourceObjects();
    const projects = new Map(
      sources
        .filter(({ object }) => isArgo(object, 'AppProject'))
        .map(({ object }) => [object.metadata?.name, object] as const),
    );
    const findings: Finding[] = [];
    for (const { doc, object } of sources.filter(s =>
      isArgo(s.object, 'Application'),
    )) {
      const spec = (object.spec ?? {}) as {
        project?: string;
        destination?: Destination;
      };
      const projectName = spec.project ?? 'default';
      const project = projects.get(projectName);
      if (!project) {
        if (projectName !== 'default') {
          findings.push(
            findingOf(
              argocdDestinationsRule,
              { file: doc.file, line: doc.lineOf(['spec', 'project']) },
              `Application ${object.metadata?.name} uses AppProject ${projectName}, which this repository does not define`,
              'warning',
            ),
          );
        }
        continue;
      }
      const allowed =
        (project.spec as { destinations?: Destination[] })?.destinations ?? [];
      const destination = spec.destination ?? {};
      if (!allowed.some(rule => permits(rule, destination))) {
        findings.push(
          findingOf(
            argocdDestinationsRule,
            { file: doc.file, line: doc.lineOf(['spec', 'destination']) },
            `Application ${object.metadata?.name} deploys to ${
              destination.server ?? destination.name
            }/${
              destination.namespace
            }, which AppProject ${projectName} does not permit (it allows ${
              allowed
                .map(d => `${d.server ?? d.name}/${d.namespace}`)
                .join(', ') || 'nothing'
            })`,
          ),
        );
      }
    }
    return findings;
  },
};

function isArgo(object: KubernetesObject, kind: string): boolean {
  return object.kind === kind && object.apiVersion.startsWith('argoproj.io/');
}

function permits(rule: Destination, destination: Destination): boolean {
  const cluster =
    (rule.server !== undefined &&
      destination.server !== undefined &&
      glob(rule.server, destination.server)) ||
    (rule.name !== undefined &&
      destination.name !== undefined &&
      glob(rule.name, destination.name));
  return cluster && glob(rule.namespace ?? '', destination.namespace ?? '');
}

/** ArgoCD's destination patterns: `*` and `?` wildcards. */
function glob(pattern: string, value: string): boolean {
  const escaped = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  const regex = escaped.replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${regex}$`).test(value);
}
