import type { TriggerStatus } from '@worker-platform/plugin-worker-platform-common';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { makeStyles } from '@material-ui/core/styles';
import { measureQueueDepth } from '../../presentation/queueDepth';
import { workerPlatformTranslationRef } from '../../translation';

const useStyles = makeStyles(
  theme => ({
    track: {
      width: '100%',
      maxWidth: 120,
      height: 8,
      borderRadius: 4,
      backgroundColor: theme.palette.action.hover,
      overflow: 'hidden',
    },
    fill: { height: '100%', backgroundColor: theme.palette.primary.main },
    over: { backgroundColor: theme.palette.status.warning },
  }),
  { name: 'WorkerPlatformQueueDepthBar' },
);

/** Props of {@link QueueDepthBar}. */
export interface QueueDepthBarProps {
  trigger: TriggerStatus;
}

/**
 * A queue's backlog against the length KEDA targets per replica, as a meter
 * that screen readers announce; the numbers are shown next to it.
 */
export function QueueDepthBar({ trigger }: QueueDepthBarProps) {
  const classes = useStyles();
  const { t } = useTranslationRef(workerPlatformTranslationRef);
  const depth = measureQueueDepth(trigger);
  return (
    <div
      role="meter"
      aria-label={t('workerPools.queueDepthLabel', { queue: trigger.queue })}
      aria-valuemin={0}
      aria-valuemax={Math.max(depth.target ?? 0, depth.current ?? 0)}
      aria-valuenow={depth.current ?? undefined}
      aria-valuetext={depth.spokenText}
      className={classes.track}
    >
      <div
        className={`${classes.fill} ${depth.overTarget ? classes.over : ''}`}
        style={{ width: `${depth.percent}%` }}
      />
    </div>
  );
}
