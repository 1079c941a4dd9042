import { Finding } from '../types';
import { findingOf, ValidationRule } from '../ValidationRule';
import { workflowJobs } from './workflowSteps';

const BUILD_ACTION = /^docker\/build-push-action@/;
const SCAN_ACTION = /^aquasecurity\/trivy-action@/;

/**
 * An image a workflow pushes carries an SBOM and provenance, and the same
 * job scans it.
 */
export const supplyChainRule: ValidationRule = {
  id: 'workflows/supply-chain',
  family: 'workflows',
  why: 'An image without an SBOM and provenance cannot be traced back to its sources and dependencies, and an unscanned one can ship a known, fixable vulnerability to every environment it is promoted to.',
  check({ repo }) {
    const findings: Finding[] = [];
    for (const job of workflowJobs(repo)) {
      const steps: Record<string, any>[] = Array.isArray(job.job.steps)
        ? job.job.steps
        : [];
      steps.forEach((step, index) => {
        const inputs = step?.with ?? {};
        if (
          typeof step?.uses !== 'string' ||
          !BUILD_ACTION.test(step.uses) ||
          String(inputs.push) !== 'true'
        ) {
          return;
        }
        const at = {
          file: job.doc.file,
          line: job.doc.lineOf([...job.path, 'steps', index, 'uses']),
        };
        const missing = [
          String(inputs.sbom) === 'true' ? undefined : 'sbom: true',
          inputs.provenance === undefined ||
          ['false', ''].includes(String(inputs.provenance))
            ? 'provenance (e.g. mode=max)'
            : undefined,
        ].filter(Boolean);
        if (missing.length > 0) {
          findings.push(
            findingOf(
              supplyChainRule,
              at,
              `job ${job.id} pushes an image without ${missing.join(' and ')}`,
            ),
          );
        }
        const scanned = steps
          .slice(index + 1)
          .some(
            later =>
              typeof later?.uses === 'string' && SCAN_ACTION.test(later.uses),
          );
        if (!scanned) {
          findings.push(
            findingOf(
              supplyChainRule,
              at,
              `job ${job.id} pushes an image that no later step scans (aquasecurity/trivy-action)`,
            ),
          );
        }
      });
    }
    return findings;
  },
};
