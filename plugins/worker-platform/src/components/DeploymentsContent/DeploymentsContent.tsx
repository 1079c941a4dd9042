import { useEntity } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import { repositoryUrlOf } from '../../presentation/repository';
import { DeployStatusView } from '../DeployStatusView';
import { EnvironmentSection } from './EnvironmentSection';

/**
 * The "Deployments" tab: per environment, each ArgoCD Application with its
 * sync operation and history, the API Deployment and every worker pool.
 */
export function DeploymentsContent() {
  const { entity } = useEntity();
  const repositoryUrl = repositoryUrlOf(entity);
  return (
    <DeployStatusView entity={entity}>
      {(status, now) => (
        <Grid container spacing={3}>
          {status.environments.map(environment => (
            <Grid item xs={12} key={environment.name}>
              <EnvironmentSection
                environment={environment}
                repositoryUrl={repositoryUrl}
                now={now}
                entity={entity}
              />
            </Grid>
          ))}
        </Grid>
      )}
    </DeployStatusView>
  );
}
