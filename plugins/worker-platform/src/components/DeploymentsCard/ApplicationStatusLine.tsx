import type { ApplicationStatus } from '@worker-platform/plugin-worker-platform-common';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import {
  presentHealthStatus,
  presentOperationPhase,
  presentSyncStatus,
} from '../../presentation/argoStatus';
import { workerPlatformTranslationRef } from '../../translation';
import { StateLabel } from '../StateLabel';

/** Props of {@link ApplicationStatusLine}. */
export interface ApplicationStatusLineProps {
  application: ApplicationStatus;
}

/** One Application in a line: what it deploys, sync and health, and a sync in progress. */
export function ApplicationStatusLine({
  application,
}: ApplicationStatusLineProps) {
  const { t } = useTranslationRef(workerPlatformTranslationRef);
  const running = application.operation?.phase === 'Running';
  return (
    <Box display="flex" alignItems="center" flexWrap="wrap" gridGap={8}>
      <Box display="flex" alignItems="center" gridGap={8} whiteSpace="nowrap">
        <span title={application.name}>
          {application.component ?? application.name}
        </span>
        <StateLabel {...presentSyncStatus(application.sync)} />
        <StateLabel {...presentHealthStatus(application.health)} />
      </Box>
      {running && application.operation && (
        <StateLabel
          {...presentOperationPhase(application.operation, t)}
          description={application.operation.message ?? undefined}
        />
      )}
    </Box>
  );
}
