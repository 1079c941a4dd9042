import type { ClusterConnection } from '@worker-platform/plugin-worker-platform-common';
import Box from '@material-ui/core/Box';
import Alert from '@material-ui/lab/Alert';
import { describeClusterProblems } from '../presentation/clusterProblems';

/** Props of {@link ClusterWarnings}. */
export interface ClusterWarningsProps {
  clusters: ClusterConnection[];
  now: number;
}

/** One warning per cluster whose data may be old, with its age and reason. */
export function ClusterWarnings({ clusters, now }: ClusterWarningsProps) {
  const problems = describeClusterProblems(clusters, now);
  if (problems.length === 0) {
    return null;
  }
  return (
    <Box display="flex" flexDirection="column" gridGap={8} mb={2}>
      {problems.map(problem => (
        <Alert key={problem.cluster} severity="warning">
          <strong>{problem.summary}</strong>
          {problem.detail && <div>{problem.detail}</div>}
        </Alert>
      ))}
    </Box>
  );
}
