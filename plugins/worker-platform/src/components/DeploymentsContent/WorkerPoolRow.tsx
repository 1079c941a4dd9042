import type { Entity } from '@backstage/catalog-model';
import type { WorkerPoolStatus } from '@worker-platform/plugin-worker-platform-common';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import { useState } from 'react';
import { formatAge } from '../../presentation/formatAge';
import { presentWorkerState } from '../../presentation/workerStates';
import { workerPlatformTranslationRef } from '../../translation';
import { StateLabel } from '../StateLabel';
import { PoolActions } from '../operations/PoolActions';
import { ConditionList } from './ConditionList';
import { TriggerTable } from './TriggerTable';

/** Props of {@link WorkerPoolRow}. */
export interface WorkerPoolRowProps {
  pool: WorkerPoolStatus;
  now: number;
  /** With these, pause and resume are offered to users who may use them. */
  operations?: { entity: Entity; environment: string; production: boolean };
}

/** One worker pool: state, replicas, queue depths with trigger health, last activity, and KEDA's conditions on demand. */
export function WorkerPoolRow({ pool, now, operations }: WorkerPoolRowProps) {
  const { t } = useTranslationRef(workerPlatformTranslationRef);
  const [showConditions, setShowConditions] = useState(false);
  const conditionsId = `keda-conditions-${pool.cluster}-${pool.namespace}-${pool.scaledObject}`;
  const { current, ready, min, max } = pool.replicas;
  return (
    <>
      <TableRow role="row">
        <TableCell component="th" scope="row" role="rowheader">
          <span title={`${pool.namespace}/${pool.scaledObject}`}>
            {pool.name}
          </span>
        </TableCell>
        <TableCell role="cell">
          <StateLabel {...presentWorkerState(pool.state, t)} />
        </TableCell>
        {/* The data-card-* attributes only matter in the cards layout. */}
        <TableCell
          role="cell"
          data-card-label={t('workerPools.columns.replicas')}
          data-card-line
        >
          {t('workerPools.replicas', {
            current: String(current),
            ready: String(ready),
            min: String(min),
            max: String(max),
          })}
        </TableCell>
        <TableCell role="cell" data-card-line>
          <TriggerTable triggers={pool.triggers} />
        </TableCell>
        <TableCell
          role="cell"
          data-card-label={t('workerPools.columns.lastActive')}
        >
          {pool.lastActiveTime
            ? t('age.ago', { age: formatAge(pool.lastActiveTime, now) })
            : t('age.never')}
        </TableCell>
        <TableCell role="cell">
          <Box display="flex" flexWrap="wrap" gridGap={8}>
            <Button
              size="small"
              aria-expanded={showConditions}
              aria-controls={conditionsId}
              onClick={() => setShowConditions(shown => !shown)}
            >
              {showConditions
                ? t('workerPools.hideConditions')
                : t('workerPools.showConditions')}
            </Button>
            {operations && <PoolActions {...operations} pool={pool} />}
          </Box>
        </TableCell>
      </TableRow>
      {showConditions && (
        <TableRow role="row" id={conditionsId}>
          <TableCell role="cell" colSpan={6} data-card-line>
            <ConditionList conditions={pool.conditions} now={now} />
          </TableCell>
        </TableRow>
      )}
    </>
  );
}
