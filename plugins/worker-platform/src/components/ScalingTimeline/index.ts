export { ScalingChart } from './ScalingChart';
export type { ScalingChartProps } from './ScalingChart';
export { PoolTimelines } from './PoolTimelines';
export type { PoolTimelinesProps } from './PoolTimelines';
