import type { Entity } from '@backstage/catalog-model';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import type {
  ApplicationStatus,
  DeployOperationRequest,
} from '@worker-platform/plugin-worker-platform-common';
import { describeApplicationOperation } from '../../presentation/operations';
import { workerPlatformTranslationRef } from '../../translation';
import { OperationButton } from './OperationButton';

/** Props of {@link ApplicationActions}. */
export interface ApplicationActionsProps {
  entity: Entity;
  environment: string;
  production: boolean;
  application: ApplicationStatus;
}

/**
 * The operations of one Application: refresh and sync, terminate while an
 * operation runs, and re-enable automated sync after a rollback. Each button
 * shows only when the user may use it.
 */
export function ApplicationActions({
  entity,
  environment,
  production,
  application,
}: ApplicationActionsProps) {
  const { t } = useTranslationRef(workerPlatformTranslationRef);
  const base = { environment, application: application.name };
  const running = application.operation?.phase === 'Running';
  const requests: DeployOperationRequest[] = [
    { ...base, operation: 'refresh' },
    ...(running
      ? [{ ...base, operation: 'terminate' } as const]
      : [{ ...base, operation: 'sync' } as const]),
    ...(application.autoSyncDisabledByRollback && !application.autoSync
      ? [{ ...base, operation: 'enable-auto-sync' } as const]
      : []),
  ];
  return (
    <Box
      display="flex"
      flexWrap="wrap"
      gridGap={8}
      mt={1}
      aria-label={t('application.actionsLabel', { name: application.name })}
      role="group"
    >
      {requests.map(request => (
        <OperationButton
          key={request.operation}
          entity={entity}
          request={request}
          production={production}
          wording={describeApplicationOperation(request, application)}
        />
      ))}
    </Box>
  );
}

/** Props of {@link RollbackButton}. */
export interface RollbackButtonProps {
  entity: Entity;
  environment: string;
  production: boolean;
  application: ApplicationStatus;
  historyId: number;
}

/** Rolls an Application back to one entry of its history. */
export function RollbackButton({
  entity,
  environment,
  production,
  application,
  historyId,
}: RollbackButtonProps) {
  const request: DeployOperationRequest = {
    environment,
    application: application.name,
    operation: 'rollback',
    historyId,
  };
  return (
    <OperationButton
      entity={entity}
      request={request}
      production={production}
      wording={describeApplicationOperation(request, application)}
    />
  );
}
