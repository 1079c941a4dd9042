import type { TriggerStatus } from '@worker-platform/plugin-worker-platform-common';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { makeStyles } from '@material-ui/core/styles';
import { Fragment } from 'react';
import { measureQueueDepth } from '../../presentation/queueDepth';
import { presentTriggerHealth } from '../../presentation/triggerHealth';
import { workerPlatformTranslationRef } from '../../translation';
import { StateLabel } from '../StateLabel';
import { QueueDepthBar } from './QueueDepthBar';

const useStyles = makeStyles(
  theme => ({
    grid: {
      display: 'grid',
      // The bar gives way first when a narrow column has no room for 120 px.
      gridTemplateColumns:
        'max-content minmax(48px, 120px) max-content max-content',
      alignItems: 'center',
      columnGap: theme.spacing(1),
      rowGap: theme.spacing(0.5),
    },
  }),
  { name: 'WorkerPlatformTriggerTable' },
);

/** Props of {@link TriggerTable}. */
export interface TriggerTableProps {
  triggers: TriggerStatus[];
}

/** One line per trigger, aligned: queue, depth bar, depth / target, KEDA's trigger health. */
export function TriggerTable({ triggers }: TriggerTableProps) {
  const classes = useStyles();
  const { t } = useTranslationRef(workerPlatformTranslationRef);
  if (triggers.length === 0) {
    return <span>{t('workerPools.noTriggers')}</span>;
  }
  return (
    <div className={classes.grid}>
      {triggers.map(trigger => (
        <Fragment key={trigger.queue}>
          <code>{trigger.queue}</code>
          <QueueDepthBar trigger={trigger} />
          <span aria-hidden>{measureQueueDepth(trigger).text}</span>
          <StateLabel {...presentTriggerHealth(trigger.health, t)} />
        </Fragment>
      ))}
    </div>
  );
}
