import { RegistrationReport } from './types';

const HEADLINES: Record<RegistrationReport['result'], string> = {
  applied: 'registered',
  unchanged: 'already registered, nothing changed',
  'dry-run': 'dry run, nothing changed',
  refused: 'refused, nothing sent',
  conflict: 'conflicts found in the dry run, nothing applied',
  failed: 'failed',
};

/**
 * The report as the CLI prints it and the scaffolder logs it: a headline,
 * then one line per object, e.g. `changed    Application argocd/pingvasai-production-api: spec.source.targetRevision`;
 * the keys of a shared object left out follow its line's detail.
 *
 * @public
 */
export function formatRegistrationReport(report: RegistrationReport): string {
  const lines = [
    `${report.service} → ArgoCD in ${report.cluster} (namespace ${
      report.namespace
    }): ${HEADLINES[report.result]}`,
  ];
  for (const object of report.objects) {
    let detail = object.message ? `: ${object.message}` : '';
    if (object.outcome === 'changed') {
      detail = `: ${object.changedFields?.join(', ')}`;
    }
    if (object.leftOut?.length) {
      detail += ` (not sent, left to the instance's administrator: ${object.leftOut.join(
        ', ',
      )})`;
    }
    lines.push(
      `  ${object.outcome.padEnd(9)} ${object.kind} ${
        object.namespace ? `${object.namespace}/` : ''
      }${object.name}${detail}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
