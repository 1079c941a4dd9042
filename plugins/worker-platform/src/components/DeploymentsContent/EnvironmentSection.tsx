import { InfoCard } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type {
  EnvironmentScalingHistory,
  EnvironmentStatus,
} from '@worker-platform/plugin-worker-platform-common';
import { isProductionEnvironment } from '../../presentation/operations';
import { workerPlatformTranslationRef } from '../../translation';
import { PoolTimelines } from '../ScalingTimeline';
import { ApplicationDetails } from './ApplicationDetails';
import { CollapsibleSection } from './CollapsibleSection';
import type { PoolLayout } from './poolLayout';
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
  /** How the worker pools fit the section's width; a table by default. */
  poolLayout?: PoolLayout;
}

/** Everything deployed in one environment: Applications, API Deployment, worker pools. */
export function EnvironmentSection({
  environment,
  repositoryUrl,
  now,
  entity,
  scaling,
  poolLayout,
}: EnvironmentSectionProps) {
  const { t } = useTranslationRef(workerPlatformTranslationRef);
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
      subheader={t('environment.clusters', { clusters: clusters.join(', ') })}
    >
      <section
        aria-label={t('environment.regionLabel', {
          environment: environment.name,
        })}
      >
        <CollapsibleSection title={t('environment.argoCdSection')}>
          {environment.applications.length === 0 ? (
            <p>{t('environment.noApplication')}</p>
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
        </CollapsibleSection>
        <CollapsibleSection title={t('environment.apiSection')}>
          <p>
            {api
              ? t('environment.apiReplicas', {
                  namespace: api.namespace,
                  deployment: api.deployment,
                  ready: String(api.replicas.ready),
                  desired: String(api.replicas.desired),
                })
              : t('environment.noApi')}
          </p>
        </CollapsibleSection>
        <CollapsibleSection title={t('environment.workerPoolsSection')}>
          <WorkerPoolTable
            environment={environment.name}
            workers={environment.workers}
            now={now}
            operations={entity && { entity, production }}
            layout={poolLayout}
          />
        </CollapsibleSection>
        {scaling && environment.workers.length > 0 && (
          <CollapsibleSection
            title={t('environment.scalingSection', {
              minutes: String(scaling.minutes),
            })}
          >
            <PoolTimelines
              history={scaling.environment}
              now={scaling.now}
              minutes={scaling.minutes}
            />
          </CollapsibleSection>
        )}
      </section>
    </InfoCard>
  );
}
