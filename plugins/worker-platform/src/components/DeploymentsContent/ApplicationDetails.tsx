import type { Entity } from '@backstage/catalog-model';
import type { ApplicationStatus } from '@worker-platform/plugin-worker-platform-common';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Alert from '@material-ui/lab/Alert';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  presentHealthStatus,
  presentOperationPhase,
  presentSyncStatus,
} from '../../presentation/argoStatus';
import { formatAge } from '../../presentation/formatAge';
import { workerPlatformTranslationRef } from '../../translation';
import { RevisionLink } from '../RevisionLink';
import { StateLabel } from '../StateLabel';
import {
  ApplicationActions,
  RollbackButton,
} from '../operations/ApplicationActions';
import { ConditionList } from './ConditionList';

/** How many past deploys an Application lists. */
const HISTORY_SHOWN = 5;

/** Props of {@link ApplicationDetails}. */
export interface ApplicationDetailsProps {
  application: ApplicationStatus;
  repositoryUrl?: string;
  now: number;
  /** With these, the operations the user may run are offered. */
  operations?: { entity: Entity; environment: string; production: boolean };
}

/** One ArgoCD Application: status, current or last sync, conditions and recent deploys. */
export function ApplicationDetails({
  application,
  repositoryUrl,
  now,
  operations,
}: ApplicationDetailsProps) {
  const { operation } = application;
  const { t } = useTranslationRef(workerPlatformTranslationRef);
  const ago = (time: string | null) =>
    time ? t('age.ago', { age: formatAge(time, now) }) : '';
  return (
    <Box
      component="section"
      mb={2}
      aria-label={t('application.regionLabel', { name: application.name })}
    >
      <Typography variant="subtitle2" component="h4">
        {application.name}
      </Typography>
      <Box display="flex" alignItems="center" flexWrap="wrap" gridGap={12}>
        <StateLabel {...presentSyncStatus(application.sync)} />
        <StateLabel {...presentHealthStatus(application.health)} />
        {application.revision ? (
          <span>
            {t('application.atRevision')}{' '}
            <RevisionLink
              revision={application.revision}
              repositoryUrl={repositoryUrl}
            />
          </span>
        ) : (
          <span>{t('application.noRevision')}</span>
        )}
      </Box>
      {operations && (
        <ApplicationActions {...operations} application={application} />
      )}
      {application.autoSyncDisabledByRollback && !application.autoSync && (
        <Box mt={1}>
          <Alert severity="warning">
            {t('application.autoSyncOffAfterRollback')}
          </Alert>
        </Box>
      )}
      {operation && (
        <Box
          mt={1}
          display="flex"
          alignItems="baseline"
          flexWrap="wrap"
          gridGap={8}
        >
          <StateLabel {...presentOperationPhase(operation, t)} />
          <span>
            {operation.phase === 'Running'
              ? t('application.operationStarted', {
                  ago: ago(operation.startedAt),
                })
              : t('application.operationFinished', {
                  ago: ago(operation.finishedAt),
                })}
          </span>
          {operation.message && <span>— {operation.message}</span>}
        </Box>
      )}
      {application.conditions.length > 0 && (
        <Box mt={1}>
          <ConditionList conditions={application.conditions} now={now} />
        </Box>
      )}
      {application.history.length > 0 && (
        <Box mt={1}>
          <Typography variant="caption" component="h5">
            {t('application.recentDeploys')}
          </Typography>
          <ol
            aria-label={t('application.recentDeploysLabel', {
              name: application.name,
            })}
          >
            {application.history.slice(0, HISTORY_SHOWN).map((entry, index) => (
              <li key={`${entry.revision}@${entry.deployedAt}`}>
                <RevisionLink
                  revision={entry.revision}
                  repositoryUrl={repositoryUrl}
                />{' '}
                {ago(entry.deployedAt)}
                {operations && index > 0 && entry.id !== undefined && (
                  <Box component="span" ml={1}>
                    <RollbackButton
                      {...operations}
                      application={application}
                      historyId={entry.id}
                    />
                  </Box>
                )}
              </li>
            ))}
          </ol>
        </Box>
      )}
    </Box>
  );
}
