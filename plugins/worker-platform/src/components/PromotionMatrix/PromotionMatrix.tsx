import { InfoCard } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { makeStyles } from '@material-ui/core/styles';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import type { EnvironmentStatus } from '@worker-platform/plugin-worker-platform-common';
import {
  promotionMatrix,
  type PromotionCell,
} from '../../presentation/promotionMatrix';
import { workerPlatformTranslationRef } from '../../translation';
import { RevisionLink } from '../RevisionLink';

/** Props of {@link PromotionMatrix}. */
export interface PromotionMatrixProps {
  environments: EnvironmentStatus[];
  repositoryUrl?: string;
}

const useStyles = makeStyles(theme => ({
  differs: {
    backgroundColor:
      theme.palette.type === 'dark'
        ? 'rgba(255, 167, 38, 0.22)'
        : 'rgba(255, 167, 38, 0.18)',
    boxShadow: `inset 3px 0 0 ${theme.palette.warning.main}`,
  },
  tag: { fontFamily: 'monospace', display: 'block' },
  revision: { color: theme.palette.text.secondary, fontSize: '0.8rem' },
  note: {
    display: 'block',
    fontSize: '0.75rem',
    color: theme.palette.warning.dark,
    ...(theme.palette.type === 'dark' && {
      color: theme.palette.warning.light,
    }),
  },
}));

/**
 * What runs where, at the top of the Deployments tab: the API and each pool
 * (rows) in every environment (columns), each cell the image tag and the
 * synced revision. A cell that differs from the environment to its left is
 * highlighted and says so in words, so "production is behind staging" reads
 * at once without relying on colour.
 */
export function PromotionMatrix({
  environments,
  repositoryUrl,
}: PromotionMatrixProps) {
  const classes = useStyles();
  const { t } = useTranslationRef(workerPlatformTranslationRef);
  const matrix = promotionMatrix(environments);
  if (matrix.rows.every(row => row.cells.every(cell => cell === null))) {
    return null;
  }
  const content = (cell: PromotionCell | null) => {
    if (!cell) return '—';
    return (
      <>
        <span className={classes.tag} title={cell.image ?? undefined}>
          {cell.tag ?? t('promotionMatrix.noImage')}
          {cell.source === 'deployment'
            ? ` ${t('promotionMatrix.fromDeployment')}`
            : ''}
        </span>
        {cell.revision && (
          <span className={classes.revision}>
            <RevisionLink
              revision={cell.revision}
              repositoryUrl={repositoryUrl}
            />
          </span>
        )}
        {cell.differsFrom && (
          <span className={classes.note}>
            {t('promotionMatrix.differsFrom', {
              environment: cell.differsFrom,
            })}
          </span>
        )}
      </>
    );
  };
  return (
    <InfoCard title={t('promotionMatrix.title')}>
      <Table size="small" aria-label={t('promotionMatrix.tableLabel')}>
        <TableHead>
          <TableRow>
            <TableCell component="th" scope="col">
              {t('promotionMatrix.componentColumn')}
            </TableCell>
            {matrix.environments.map(name => (
              <TableCell key={name} component="th" scope="col">
                {name}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {matrix.rows.map(row => (
            <TableRow key={row.name}>
              <TableCell component="th" scope="row" role="rowheader">
                {row.name}
              </TableCell>
              {row.cells.map((cell, i) => (
                <TableCell
                  key={matrix.environments[i]}
                  className={cell?.differsFrom ? classes.differs : undefined}
                >
                  {content(cell)}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </InfoCard>
  );
}
