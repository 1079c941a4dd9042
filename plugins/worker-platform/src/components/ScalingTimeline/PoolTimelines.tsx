import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Typography from '@material-ui/core/Typography';
import type { EnvironmentScalingHistory } from '@worker-platform/plugin-worker-platform-common';
import { workerPlatformTranslationRef } from '../../translation';
import { ScalingChart } from './ScalingChart';

/** Props of {@link PoolTimelines}. */
export interface PoolTimelinesProps {
  /** The environment's history; undefined while loading or when unreadable. */
  history?: EnvironmentScalingHistory;
  now: number;
  minutes: number;
}

/** A scaling chart per worker pool of one environment. */
export function PoolTimelines({ history, now, minutes }: PoolTimelinesProps) {
  const { t } = useTranslationRef(workerPlatformTranslationRef);
  if (!history || history.pools.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        {t('environment.noScalingHistory')}
      </Typography>
    );
  }
  return (
    <>
      {history.pools.map(pool => (
        <ScalingChart key={pool.name} pool={pool} now={now} minutes={minutes} />
      ))}
    </>
  );
}
