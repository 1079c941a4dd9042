import type { Entity } from '@backstage/catalog-model';
import type { WorkerPoolStatus } from '@worker-platform/plugin-worker-platform-common';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { makeStyles } from '@material-ui/core/styles';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { workerPlatformTranslationRef } from '../../translation';
import type { PoolLayout } from './poolLayout';
import { WorkerPoolRow } from './WorkerPoolRow';

const useStyles = makeStyles(
  theme => ({
    // A card per pool: its cells flow and wrap inside a narrow column instead
    // of squeezing six table columns into it. The header stays for screen
    // readers (the roles are explicit, as `display` changes may drop a
    // table's implicit ones), each cell names itself where a number alone
    // would not say what it is.
    cards: {
      display: 'block',
      '& > thead': {
        position: 'absolute',
        width: 1,
        height: 1,
        overflow: 'hidden',
        clip: 'rect(0 0 0 0)',
        whiteSpace: 'nowrap',
      },
      '& > tbody': { display: 'block' },
      '& > tbody > tr': {
        display: 'flex',
        flexWrap: 'wrap',
        alignItems: 'center',
        columnGap: theme.spacing(2),
        rowGap: theme.spacing(1),
        padding: theme.spacing(1.5, 0),
        borderBottom: `1px solid ${theme.palette.divider}`,
      },
      '& > tbody > tr > *': { display: 'block', padding: 0, border: 'none' },
      '& > tbody > tr > th': { fontWeight: theme.typography.fontWeightBold },
      '& [data-card-line]': { flexBasis: '100%' },
      '& [data-card-label]::before': {
        content: 'attr(data-card-label) "\\00a0"',
        color: theme.palette.text.secondary,
      },
    },
  }),
  { name: 'WorkerPlatformWorkerPoolTable' },
);

/** Props of {@link WorkerPoolTable}. */
export interface WorkerPoolTableProps {
  environment: string;
  workers: WorkerPoolStatus[];
  now: number;
  operations?: { entity: Entity; production: boolean };
  /** `cards` in a narrow column (see {@link poolLayout}); `table` by default. */
  layout?: PoolLayout;
}

/** The worker pools of one environment, as a table or, in a narrow column, as cards. */
export function WorkerPoolTable({
  environment,
  workers,
  now,
  operations,
  layout = 'table',
}: WorkerPoolTableProps) {
  const classes = useStyles();
  const { t } = useTranslationRef(workerPlatformTranslationRef);
  if (workers.length === 0) {
    return <span>{t('workerPools.none')}</span>;
  }
  return (
    <Table
      size="small"
      role="table"
      aria-label={t('workerPools.tableLabel', { environment })}
      data-layout={layout}
      className={layout === 'cards' ? classes.cards : undefined}
    >
      <TableHead role="rowgroup">
        <TableRow role="row">
          <TableCell role="columnheader">
            {t('workerPools.columns.pool')}
          </TableCell>
          <TableCell role="columnheader">
            {t('workerPools.columns.state')}
          </TableCell>
          <TableCell role="columnheader">
            {t('workerPools.columns.replicas')}
          </TableCell>
          <TableCell role="columnheader">
            {t('workerPools.columns.queues')}
          </TableCell>
          <TableCell role="columnheader">
            {t('workerPools.columns.lastActive')}
          </TableCell>
          <TableCell role="columnheader">
            <Typography variant="srOnly">
              {t('workerPools.columns.detailsAndActions')}
            </Typography>
          </TableCell>
        </TableRow>
      </TableHead>
      <TableBody role="rowgroup">
        {workers.map(pool => (
          <WorkerPoolRow
            key={`${pool.cluster}/${pool.namespace}/${pool.scaledObject}`}
            pool={pool}
            now={now}
            operations={operations && { ...operations, environment }}
          />
        ))}
      </TableBody>
    </Table>
  );
}
