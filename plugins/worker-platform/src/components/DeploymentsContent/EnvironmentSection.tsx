import { InfoCard } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import type { Entity } from '@backstage/catalog-model';
import type {
  EnvironmentScalingHistory,
  EnvironmentStatus,
} from '@worker-platform/plugin-worker-platform-common';
import { isProductionEnvironment } from '../../presentation/operations';
import { PoolTimelines } from '../ScalingTimeline';
import { ApplicationDetails } from './ApplicationDetails';
import { WorkerPoolTable } from './WorkerPoolTable';

/** Props of {@link EnvironmentSection}. */
export interface EnvironmentSectionProps {
  environment: EnvironmentStatus;
  repositoryUrl?: string;
  now: number;
  /** The entity, for the operations its users may run; none offered without it. */
  entity?: Entity;
  /** The environment's scaling history, once loaded. */
  scaling?: {
    environment?: EnvironmentScalingHistory;
    now: number;
    minutes: number;
  };
}

/** Everything deployed in one environment: Applications, API Deployment, worker pools. */
export function EnvironmentSection({
  environment,
  repositoryUrl,
  now,
  entity,
  scaling,
}: EnvironmentSectionProps) {
  const production = isProductionEnvironment(environment.name);
  const clusters = [
    ...new Set([
      ...environment.applications.map(app => app.cluster),
      ...environment.workers.map(pool => pool.cluster),
      ...(environment.api ? [environment.api.cluster] : []),
    ]),
  ];
  const { api } = environment;
  return (
    <InfoCard
      title={environment.name}
      subheader={`cluster ${clusters.join(', ')}`}
    >
      <section aria-label={`${environment.name} environment`}>
        <Typography variant="h6" component="h3">
          ArgoCD
        </Typography>
        {environment.applications.length === 0 ? (
          <p>No ArgoCD Application in this environment.</p>
        ) : (
          environment.applications.map(app => (
            <ApplicationDetails
              key={app.name}
              application={app}
              repositoryUrl={repositoryUrl}
              now={now}
              operations={
                entity && {
                  entity,
                  environment: environment.name,
                  production,
                }
              }
            />
          ))
        )}
        <Typography variant="h6" component="h3">
          API
        </Typography>
        <p>
          {api
            ? `${api.namespace}/${api.deployment}: ${api.replicas.ready} of ${api.replicas.desired} replicas ready`
            : 'No API Deployment in this environment.'}
        </p>
        <Typography variant="h6" component="h3">
          Worker pools
        </Typography>
        <WorkerPoolTable
          environment={environment.name}
          workers={environment.workers}
          now={now}
          operations={entity && { entity, production }}
        />
        {scaling && environment.workers.length > 0 && (
          <>
            <Typography variant="h6" component="h3">
              Scaling, last {scaling.minutes} minutes
            </Typography>
            <PoolTimelines
              history={scaling.environment}
              now={scaling.now}
              minutes={scaling.minutes}
            />
          </>
        )}
      </section>
    </InfoCard>
  );
}
