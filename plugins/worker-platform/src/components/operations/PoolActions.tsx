import type { Entity } from '@backstage/catalog-model';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import TextField from '@material-ui/core/TextField';
import type {
  DeployOperationRequest,
  WorkerPoolStatus,
} from '@worker-platform/plugin-worker-platform-common';
import { useState } from 'react';
import { describePoolOperation } from '../../presentation/operations';
import { workerPlatformTranslationRef } from '../../translation';
import { OperationButton } from './OperationButton';

/** Props of {@link PoolActions}. */
export interface PoolActionsProps {
  entity: Entity;
  environment: string;
  production: boolean;
  pool: WorkerPoolStatus;
}

/** Pause (optionally at a replica count) or resume one pool's autoscaling. */
export function PoolActions({
  entity,
  environment,
  production,
  pool,
}: PoolActionsProps) {
  const { t } = useTranslationRef(workerPlatformTranslationRef);
  const [replicas, setReplicas] = useState('');
  const count = /^\d+$/.test(replicas) ? Number(replicas) : undefined;
  const request: DeployOperationRequest =
    pool.state === 'paused'
      ? { environment, worker: pool.name, operation: 'resume' }
      : {
          environment,
          worker: pool.name,
          operation: 'pause',
          ...(count !== undefined ? { replicas: count } : {}),
        };
  return (
    <OperationButton
      entity={entity}
      request={request}
      production={production}
      wording={describePoolOperation(request, pool)}
    >
      {request.operation === 'pause' && (
        <TextField
          label={t('operations.holdAtReplicas')}
          value={replicas}
          onChange={event => setReplicas(event.target.value)}
          inputProps={{ inputMode: 'numeric', pattern: '[0-9]*' }}
          fullWidth
          margin="dense"
        />
      )}
    </OperationButton>
  );
}
