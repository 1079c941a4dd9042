import type {
  ApplicationStatus,
  DeployOperationRequest,
  WorkerPoolStatus,
} from '@worker-platform/plugin-worker-platform-common';

/**
 * What a confirm dialog says about an operation: exactly what happens, and where.
 *
 * English only, unlike the dialog's fixed words in `workerPlatformTranslationRef`:
 * every sentence here is built around the Application, pool, revision and
 * replica count, and has not been split into messages yet.
 */
export interface OperationWording {
  /** The button's label, e.g. `Sync`. */
  label: string;
  /** The dialog's title, e.g. `Sync pingvasai-production-api in production?` */
  title: string;
  /** What will happen, in full sentences. */
  details: string;
  /** Where: the object, its namespace and cluster. */
  where: string;
}

const short = (revision: string) => revision.slice(0, 7);

/** The wording of an operation on an ArgoCD Application. */
export function describeApplicationOperation(
  request: DeployOperationRequest,
  app: ApplicationStatus,
): OperationWording {
  const where = `Application ${app.namespace}/${app.name} in cluster ${app.cluster}`;
  const inEnv = `in ${request.environment}`;
  switch (request.operation) {
    case 'refresh':
      return {
        label: 'Refresh',
        title: `Refresh ${app.name} ${inEnv}?`,
        details:
          'ArgoCD compares the Application with git again and updates its sync status. Nothing is deployed.',
        where,
      };
    case 'sync':
      return {
        label: 'Sync',
        title: `Sync ${app.name} ${inEnv}?`,
        details: `ArgoCD applies ${
          request.revision
            ? `revision ${request.revision}`
            : "git's target revision"
        } to ${request.environment}${
          request.prune
            ? ' and deletes resources no longer in git'
            : '. Resources no longer in git are kept'
        }.`,
        where,
      };
    case 'terminate':
      return {
        label: 'Terminate',
        title: `Terminate the running sync of ${app.name} ${inEnv}?`,
        details:
          'ArgoCD stops the running operation. Resources it already changed stay changed.',
        where,
      };
    case 'rollback': {
      const entry = app.history.find(h => h.id === request.historyId);
      const revision = entry
        ? short(entry.revision)
        : `history ${request.historyId}`;
      return {
        label: `Roll back to ${revision}`,
        title: `Roll ${app.name} back to ${revision} ${inEnv}?`,
        details: `ArgoCD deploys revision ${revision} (history ${
          request.historyId
        }) again.${
          app.autoSync
            ? ' Automated sync is on, so it is switched off first (ArgoCD refuses a rollback otherwise, and would undo it); re-enable it when done.'
            : ''
        }`,
        where,
      };
    }
    case 'enable-auto-sync':
      return {
        label: 'Re-enable auto-sync',
        title: `Re-enable automated sync of ${app.name} ${inEnv}?`,
        details:
          "ArgoCD syncs the Application automatically again, with the settings it had before the rollback: git's target revision will be deployed.",
        where,
      };
    default:
      return {
        label: request.operation,
        title: request.operation,
        details: '',
        where,
      };
  }
}

/** The wording of an operation on a worker pool. */
export function describePoolOperation(
  request: DeployOperationRequest,
  pool: WorkerPoolStatus,
): OperationWording {
  const where = `ScaledObject ${pool.namespace}/${pool.scaledObject} in cluster ${pool.cluster}`;
  if (request.operation === 'pause') {
    return {
      label: 'Pause scaling',
      title: `Pause autoscaling of ${pool.name} in ${request.environment}?`,
      details:
        request.replicas === undefined
          ? `KEDA stops scaling the pool and holds it at its current ${
              pool.replicas.current
            } replica${
              pool.replicas.current === 1 ? '' : 's'
            } until it is resumed, whatever its queues hold.`
          : `KEDA scales the pool to ${request.replicas} replica${
              request.replicas === 1 ? '' : 's'
            } and holds it there until it is resumed, whatever its queues hold.`,
      where,
    };
  }
  return {
    label: 'Resume scaling',
    title: `Resume autoscaling of ${pool.name} in ${request.environment}?`,
    details: `KEDA scales the pool on its queues again, between ${pool.replicas.min} and ${pool.replicas.max} replicas.`,
    where,
  };
}

/**
 * Whether an environment is production, for highlighting: the backend's
 * `workerPlatform.operations.productionEnvironments` defaults to the same name.
 */
export function isProductionEnvironment(name: string): boolean {
  return name === 'production';
}
