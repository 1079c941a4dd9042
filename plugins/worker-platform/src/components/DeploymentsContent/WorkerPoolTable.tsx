import type { Entity } from '@backstage/catalog-model';
import type { WorkerPoolStatus } from '@worker-platform/plugin-worker-platform-common';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { WorkerPoolRow } from './WorkerPoolRow';

/** Props of {@link WorkerPoolTable}. */
export interface WorkerPoolTableProps {
  environment: string;
  workers: WorkerPoolStatus[];
  now: number;
  operations?: { entity: Entity; production: boolean };
}

/** The worker pools of one environment. */
export function WorkerPoolTable({
  environment,
  workers,
  now,
  operations,
}: WorkerPoolTableProps) {
  if (workers.length === 0) {
    return <span>No KEDA ScaledObject in this environment.</span>;
  }
  return (
    <Table size="small" aria-label={`Worker pools in ${environment}`}>
      <TableHead>
        <TableRow>
          <TableCell>Pool</TableCell>
          <TableCell>State</TableCell>
          <TableCell>Replicas</TableCell>
          <TableCell>Queues: depth / target, trigger health</TableCell>
          <TableCell>Last active</TableCell>
          <TableCell>
            <Typography variant="srOnly">Details and actions</Typography>
          </TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
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
