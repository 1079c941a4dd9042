import { InputError } from '@backstage/errors';
import { LoggerService } from '@backstage/backend-plugin-api';
import {
  Finding,
  formatFinding,
} from '@worker-platform/plugin-worker-platform-node';

/**
 * Logs warning findings and throws a readable report when any finding is an
 * error, so the step fails with every problem listed.
 */
export function assertNoErrorFindings(
  findings: readonly Finding[],
  subject: string,
  logger: LoggerService,
): void {
  for (const finding of findings.filter(f => f.severity === 'warning')) {
    logger.warn(formatFinding(finding));
  }
  const errors = findings.filter(f => f.severity === 'error');
  if (errors.length > 0) {
    throw new InputError(
      `${subject} has ${errors.length} error finding(s):\n${errors
        .map(formatFinding)
        .join('\n')}`,
    );
  }
}
