import type { EnvironmentStatus } from '@worker-platform/plugin-worker-platform-common';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import { makeStyles } from '@material-ui/core/styles';
import { Fragment } from 'react';
import { formatAge } from '../../presentation/formatAge';
import { lastDeployedAt } from '../../presentation/lastDeploy';
import {
  describePool,
  summarizeWorkers,
} from '../../presentation/workerSummary';
import { workerPlatformTranslationRef } from '../../translation';
import { RevisionLink } from '../RevisionLink';
import { ApplicationStatusLine } from './ApplicationStatusLine';

const useStyles = makeStyles(
  { pool: { whiteSpace: 'nowrap' } },
  { name: 'WorkerPlatformEnvironmentRow' },
);

/** Props of {@link EnvironmentRow}. */
export interface EnvironmentRowProps {
  environment: EnvironmentStatus;
  repositoryUrl?: string;
  now: number;
}

/** One environment on the overview card. */
export function EnvironmentRow({
  environment,
  repositoryUrl,
  now,
}: EnvironmentRowProps) {
  // Applications of one environment usually share a revision; show each once.
  const revisions = [
    ...new Set(
      environment.applications.flatMap(app =>
        app.revision ? [app.revision] : [],
      ),
    ),
  ];
  const deployedAt = lastDeployedAt(environment);
  const classes = useStyles();
  const { t } = useTranslationRef(workerPlatformTranslationRef);
  return (
    <TableRow>
      <TableCell component="th" scope="row" role="rowheader">
        {environment.name}
      </TableCell>
      <TableCell>
        {environment.applications.length === 0
          ? t('deploymentsCard.noApplication')
          : environment.applications.map(app => (
              <ApplicationStatusLine key={app.name} application={app} />
            ))}
      </TableCell>
      <TableCell>
        {revisions.length === 0
          ? t('deploymentsCard.noRevision')
          : revisions.map(revision => (
              <div key={revision}>
                <RevisionLink
                  revision={revision}
                  repositoryUrl={repositoryUrl}
                />
              </div>
            ))}
        <div>
          {deployedAt
            ? t('age.ago', { age: formatAge(deployedAt, now) })
            : t('age.never')}
        </div>
      </TableCell>
      <TableCell aria-label={summarizeWorkers(environment.workers)}>
        {environment.workers.length === 0
          ? t('deploymentsCard.noWorkerPools')
          : environment.workers.map((pool, index) => (
              <Fragment key={`${pool.cluster}/${pool.namespace}/${pool.name}`}>
                {index > 0 && ' · '}
                <span className={classes.pool}>{describePool(pool)}</span>
              </Fragment>
            ))}
      </TableCell>
    </TableRow>
  );
}
