import { useEntity } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import type { Theme } from '@material-ui/core/styles';
import useMediaQuery from '@material-ui/core/useMediaQuery';
import {
  HISTORY_MINUTES,
  useEntityScalingHistory,
} from '../../hooks/useEntityScalingHistory';
import { repositoryUrlOf } from '../../presentation/repository';
import { DeployStatusView } from '../DeployStatusView';
import { PromotionMatrix } from '../PromotionMatrix';
import { EnvironmentSection } from './EnvironmentSection';
import { poolLayout } from './poolLayout';

/**
 * Grid columns (of 12) per environment on wide screens: one column each,
 * side by side, up to four in a row; narrow screens stack them.
 */
export function environmentColumns(count: number): 3 | 4 | 6 | 12 {
  if (count <= 1) return 12;
  if (count === 2) return 6;
  return count === 3 ? 4 : 3;
}

/**
 * The "Deployments" tab: per environment, each ArgoCD Application with its
 * sync operation and history, the API Deployment and every worker pool with
 * its scaling over the last hour.
 */
export function DeploymentsContent() {
  const { entity } = useEntity();
  const repositoryUrl = repositoryUrlOf(entity);
  const { history } = useEntityScalingHistory(entity);
  // The same breakpoints as the grid's `xs` and `lg` below.
  const wide = useMediaQuery<Theme>(theme => theme.breakpoints.up('lg'), {
    noSsr: true,
  });
  const phone = useMediaQuery<Theme>(theme => theme.breakpoints.down('xs'), {
    noSsr: true,
  });
  return (
    <DeployStatusView entity={entity}>
      {(status, now) => {
        const columns = environmentColumns(status.environments.length);
        const layout = poolLayout({ columns: wide ? columns : 12, phone });
        return (
          <Grid container spacing={3}>
            <Grid item xs={12}>
              <PromotionMatrix
                environments={status.environments}
                repositoryUrl={repositoryUrl}
              />
            </Grid>
            {status.environments.map(environment => (
              <Grid item xs={12} lg={columns} key={environment.name}>
                <EnvironmentSection
                  environment={environment}
                  repositoryUrl={repositoryUrl}
                  now={now}
                  entity={entity}
                  poolLayout={layout}
                  scaling={
                    history && {
                      environment: history.environments.find(
                        e => e.name === environment.name,
                      ),
                      now: Date.parse(history.generatedAt),
                      minutes: HISTORY_MINUTES,
                    }
                  }
                />
              </Grid>
            ))}
          </Grid>
        );
      }}
    </DeployStatusView>
  );
}
