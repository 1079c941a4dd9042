import { InfoCard } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { makeStyles } from '@material-ui/core/styles';
import { repositoryUrlOf } from '../../presentation/repository';
import { workerPlatformTranslationRef } from '../../translation';
import { DeployStatusView } from '../DeployStatusView';
import { EnvironmentRow } from './EnvironmentRow';

const useStyles = makeStyles(
  {
    // The card sits in a half-width column; names, headers and SHAs must not
    // break mid-word, the ArgoCD and worker cells wrap instead.
    table: { '& th, & code': { whiteSpace: 'nowrap' } },
    // A narrow column scrolls the table rather than clipping the workers.
    scroller: { overflowX: 'auto' },
  },
  { name: 'WorkerPlatformDeploymentsCard' },
);

/**
 * The "Deployments" card of the entity overview: one row per environment
 * with ArgoCD sync and health, revision, last deploy and the worker pools.
 */
export function DeploymentsCard() {
  const { entity } = useEntity();
  const repositoryUrl = repositoryUrlOf(entity);
  const classes = useStyles();
  const { t } = useTranslationRef(workerPlatformTranslationRef);
  return (
    <InfoCard title={t('deploymentsCard.title')}>
      <DeployStatusView entity={entity}>
        {(status, now) => (
          <div className={classes.scroller}>
            <Table
              size="small"
              aria-label={t('deploymentsCard.tableLabel')}
              className={classes.table}
            >
              <TableHead>
                <TableRow>
                  <TableCell>
                    {t('deploymentsCard.columns.environment')}
                  </TableCell>
                  <TableCell>{t('deploymentsCard.columns.argoCd')}</TableCell>
                  {/* Revision and age share a column to fit a half-width card. */}
                  <TableCell>{t('deploymentsCard.columns.deployed')}</TableCell>
                  <TableCell>{t('deploymentsCard.columns.workers')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {status.environments.map(environment => (
                  <EnvironmentRow
                    key={environment.name}
                    environment={environment}
                    repositoryUrl={repositoryUrl}
                    now={now}
                  />
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </DeployStatusView>
    </InfoCard>
  );
}
