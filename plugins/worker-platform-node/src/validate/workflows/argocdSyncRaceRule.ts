import { Finding } from '../types';
import { findingOf, ValidationRule } from '../ValidationRule';
import { workflowSteps } from './workflowSteps';

/** Names of the repository's ArgoCD Applications that ArgoCD syncs by itself. */
function automatedApplications(
  context: Parameters<ValidationRule['check']>[0],
): Set<string> {
  return new Set(
    context
      .sourceObjects()
      .map(({ object }) => object)
      .filter(
        o =>
          o.kind === 'Application' &&
          (o.spec as { syncPolicy?: { automated?: unknown } })?.syncPolicy
            ?.automated,
      )
      .map(o => o.metadata?.name ?? ''),
  );
}

/** A workflow never runs `argocd app sync` on an Application ArgoCD syncs automatically. */
export const argocdSyncRaceRule: ValidationRule = {
  id: 'workflows/argocd-sync-race',
  family: 'workflows',
  why: 'ArgoCD syncs an automated Application on its own; a sync from CI at the same moment fails with "another operation is already in progress" or interrupts ArgoCD\'s. Refresh and `argocd app wait` instead.',
  check(context) {
    const automated = automatedApplications(context);
    const findings: Finding[] = [];
    for (const { job, step, path } of workflowSteps(context.repo)) {
      if (
        typeof step.run !== 'string' ||
        !/argocd\s+app\s+sync\b/.test(step.run)
      ) {
        continue;
      }
      const matrix = job.job.strategy?.matrix ?? {};
      const targets = Object.values(matrix)
        .filter(Array.isArray)
        .flat()
        .concat(step.run.match(/[a-z0-9][-a-z0-9]*/g) ?? [])
        .filter((name): name is string => automated.has(String(name)));
      for (const name of new Set(targets)) {
        findings.push(
          findingOf(
            argocdSyncRaceRule,
            { file: job.doc.file, line: job.doc.lineOf([...path, 'run']) },
            `job ${job.id} runs argocd app sync on ${name}, which ArgoCD syncs automatically; refresh and wait instead`,
          ),
        );
      }
    }
    return findings;
  },
};
