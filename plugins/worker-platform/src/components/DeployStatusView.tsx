import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { Progress } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import {
  KUBERNETES_ID_LABEL,
  type EntityDeployStatus,
} from '@worker-platform/plugin-worker-platform-common';
import type { ReactNode } from 'react';
import { useEntityDeployStatus } from '../hooks/useEntityDeployStatus';
import { useNow } from '../hooks/useNow';
import {
  adviseOnEmptyStatus,
  adviseOnLoadError,
} from '../presentation/loadAdvice';
import { workerPlatformTranslationRef } from '../translation';
import { AdviceMessage } from './AdviceMessage';
import { ClusterWarnings } from './ClusterWarnings';

/** Ages on screen keep counting between updates at this pace. */
const CLOCK_TICK_MS = 10_000;

/** Props of {@link DeployStatusView}. */
export interface DeployStatusViewProps {
  entity: Entity;
  /** Renders a status that has something to show; `now` is the ticking clock for ages. */
  children: (status: EntityDeployStatus, now: number) => ReactNode;
}

/**
 * Loads the entity's status and shows what card and tab share: progress,
 * advice when it failed or is empty, and warnings for unreachable clusters.
 */
export function DeployStatusView({ entity, children }: DeployStatusViewProps) {
  const { status, error, loading } = useEntityDeployStatus(entity);
  const now = useNow(CLOCK_TICK_MS);
  const entityRef = stringifyEntityRef(entity);
  const { t } = useTranslationRef(workerPlatformTranslationRef);

  if (loading) {
    return <Progress aria-label={t('deployStatus.loading')} />;
  }
  const loadProblem = error && (
    <AdviceMessage
      severity={status ? 'warning' : 'error'}
      advice={adviseOnLoadError(error, entityRef)}
    />
  );
  if (!status) {
    return <>{loadProblem}</>;
  }
  const kubernetesId =
    entity.metadata.annotations?.[KUBERNETES_ID_LABEL] ?? entity.metadata.name;
  const emptyAdvice = adviseOnEmptyStatus(status, kubernetesId);
  return (
    <>
      {loadProblem && <Box mb={2}>{loadProblem}</Box>}
      <ClusterWarnings clusters={status.clusters} now={now} />
      {emptyAdvice ? (
        <AdviceMessage severity="info" advice={emptyAdvice} />
      ) : (
        children(status, now)
      )}
    </>
  );
}
