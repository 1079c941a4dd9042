import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { makeStyles, useTheme } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import type { PoolScalingHistory } from '@worker-platform/plugin-worker-platform-common';
import { useId } from 'react';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import {
  formatClock,
  queueKey,
  summarizeScaling,
  timelineRows,
  type TimelineRow,
} from '../../presentation/scalingTimeline';
import { workerPlatformTranslationRef } from '../../translation';

/** Props of {@link ScalingChart}. */
export interface ScalingChartProps {
  pool: PoolScalingHistory;
  /** The right edge (epoch ms), the history's `generatedAt`. */
  now: number;
  minutes: number;
  /** Chart size in pixels. */
  width?: number;
  height?: number;
}

const useStyles = makeStyles(theme => ({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-start',
    gap: theme.spacing(2),
    marginBottom: theme.spacing(2),
  },
  summary: { flex: '1 1 12rem', minWidth: '12rem' },
}));

// A tick every 15 minutes from the left edge, and one at now.
function quarterHours(from: number, to: number): number[] {
  const ticks: number[] = [];
  for (let t = from; t < to - 5 * 60_000; t += 15 * 60_000) ticks.push(t);
  return [...ticks, to];
}

/**
 * One pool's last hour: desired and ready replicas as steps on the left
 * axis, each queue's depth on the right axis with its target as a dashed
 * line of the same colour. Colours come from the Backstage theme, so the
 * chart reads in light and dark mode. The chart is one image to assistive
 * technology; the sentence beside it says what it shows.
 */
export function ScalingChart({
  pool,
  now,
  minutes,
  width = 360,
  height = 180,
}: ScalingChartProps) {
  const classes = useStyles();
  const theme = useTheme();
  const summaryId = useId();
  const { t } = useTranslationRef(workerPlatformTranslationRef);
  const from = now - minutes * 60_000;
  const rows = timelineRows(pool, from, now);
  const queueColours = [
    theme.palette.warning.main,
    theme.palette.error.main,
    theme.palette.info.main,
    theme.palette.secondary.main,
    theme.palette.text.secondary,
  ];
  const axis = { fill: theme.palette.text.secondary, fontSize: 11 };
  const label = t('scalingChart.label', {
    pool: pool.name,
    minutes: String(minutes),
  });
  return (
    <div className={classes.root}>
      <div role="img" aria-label={label} aria-describedby={summaryId}>
        <LineChart width={width} height={height} data={rows}>
          <CartesianGrid stroke={theme.palette.divider} strokeDasharray="3 3" />
          <XAxis
            dataKey="t"
            type="number"
            scale="time"
            domain={[from, now]}
            ticks={quarterHours(from, now)}
            tickFormatter={formatClock}
            tick={axis}
            stroke={theme.palette.divider}
          />
          <YAxis
            yAxisId="replicas"
            allowDecimals={false}
            tick={axis}
            stroke={theme.palette.divider}
            width={28}
          />
          <YAxis
            yAxisId="depth"
            orientation="right"
            allowDecimals={false}
            tick={axis}
            stroke={theme.palette.divider}
            width={32}
          />
          <Tooltip
            labelFormatter={value => formatClock(Number(value))}
            contentStyle={{
              background: theme.palette.background.paper,
              border: `1px solid ${theme.palette.divider}`,
              color: theme.palette.text.primary,
            }}
          />
          <Legend wrapperStyle={{ fontSize: 11 }} />
          <Line
            yAxisId="replicas"
            name="desired"
            dataKey="desired"
            type="stepAfter"
            stroke={theme.palette.primary.main}
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
          <Line
            yAxisId="replicas"
            name="ready"
            dataKey="ready"
            type="stepAfter"
            stroke={theme.palette.success.main}
            strokeDasharray="4 2"
            dot={false}
            isAnimationActive={false}
          />
          {pool.queues.map((queue, i) => (
            <Line
              key={queue.queue}
              yAxisId="depth"
              name={queue.queue}
              dataKey={(row: TimelineRow) => row[queueKey(queue.queue)]}
              type="stepAfter"
              stroke={queueColours[i % queueColours.length]}
              strokeWidth={1}
              dot={false}
              connectNulls={false}
              isAnimationActive={false}
            />
          ))}
          {pool.queues.map((queue, i) =>
            queue.targetLength === null ? null : (
              <ReferenceLine
                key={`target-${queue.queue}`}
                yAxisId="depth"
                y={queue.targetLength}
                stroke={queueColours[i % queueColours.length]}
                strokeDasharray="2 4"
                ifOverflow="extendDomain"
              />
            ),
          )}
        </LineChart>
      </div>
      <Typography id={summaryId} variant="body2" className={classes.summary}>
        <strong>{pool.name}</strong>: {summarizeScaling(pool, from, minutes)}
      </Typography>
    </div>
  );
}
