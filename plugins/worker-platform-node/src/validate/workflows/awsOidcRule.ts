import { Finding } from '../types';
import { findingOf, ValidationRule } from '../ValidationRule';
import { workflowJobs, workflowSteps } from './workflowSteps';

const CONFIGURE_AWS = /^aws-actions\/configure-aws-credentials@/;
const KEY_INPUTS = [
  'aws-access-key-id',
  'aws-secret-access-key',
  'aws-session-token',
];
const KEY_SECRET =
  /\$\{\{\s*secrets\.AWS_(ACCESS_KEY_ID|SECRET_ACCESS_KEY)\s*\}\}/;

/** AWS is reached through OIDC role assumption, never with stored keys. */
export const awsOidcRule: ValidationRule = {
  id: 'workflows/aws-oidc',
  family: 'workflows',
  why: 'Long-lived AWS keys in repository secrets leak and never expire; OIDC (`id-token: write` + `role-to-assume`) issues short-lived credentials per run.',
  check({ repo }) {
    const findings: Finding[] = [];
    for (const { job, step, path } of workflowSteps(repo)) {
      const at = (p: (string | number)[]) => ({
        file: job.doc.file,
        line: job.doc.lineOf(p),
      });
      const inputs = (step.with ?? {}) as Record<string, unknown>;
      if (typeof step.uses === 'string' && CONFIGURE_AWS.test(step.uses)) {
        for (const key of KEY_INPUTS.filter(k => inputs[k] !== undefined)) {
          findings.push(
            findingOf(
              awsOidcRule,
              at([...path, 'with', key]),
              `${key} passes long-lived AWS keys; use role-to-assume with OIDC`,
            ),
          );
        }
        if (inputs['role-to-assume'] === undefined) {
          findings.push(
            findingOf(
              awsOidcRule,
              at([...path, 'uses']),
              'configure-aws-credentials without role-to-assume does not use OIDC',
            ),
          );
        } else if (!grantsIdToken(job.doc.value, job.job)) {
          findings.push(
            findingOf(
              awsOidcRule,
              at(job.path),
              `job ${job.id} assumes an AWS role but lacks permissions: id-token: write, so OIDC cannot work`,
            ),
          );
        }
      }
      for (const [name, value] of Object.entries(
        (step.env ?? {}) as Record<string, unknown>,
      )) {
        if (typeof value === 'string' && KEY_SECRET.test(value)) {
          findings.push(
            findingOf(
              awsOidcRule,
              at([...path, 'env', name]),
              `env ${name} passes a long-lived AWS key from secrets; use OIDC`,
            ),
          );
        }
      }
    }
    for (const job of workflowJobs(repo)) {
      for (const [name, value] of Object.entries(
        (job.job.env ?? {}) as Record<string, unknown>,
      )) {
        if (typeof value === 'string' && KEY_SECRET.test(value)) {
          findings.push(
            findingOf(
              awsOidcRule,
              {
                file: job.doc.file,
                line: job.doc.lineOf([...job.path, 'env', name]),
              },
              `env ${name} passes a long-lived AWS key from secrets; use OIDC`,
            ),
          );
        }
      }
    }
    return findings;
  },
};

function grantsIdToken(workflow: unknown, job: Record<string, any>): boolean {
  const permissions =
    job.permissions ?? (workflow as { permissions?: unknown })?.permissions;
  if (permissions === 'write-all') return true;
  return (
    (permissions as Record<string, unknown> | undefined)?.['id-token'] ===
    'write'
  );
}
