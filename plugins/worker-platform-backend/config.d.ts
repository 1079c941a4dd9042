import { HumanDuration } from '@backstage/types';

export interface Config {
  /**
   * The clusters, configured once for the Backstage Kubernetes plugin and the
   * worker-platform status backend. The status backend reads
   * `type: config` entries with `authProvider: serviceAccount`.
   */
  kubernetes?: {
    clusterLocatorMethods?: Array<{
      type: string;
      clusters?: Array<{
        /** The name users see; unique across clusters. */
        name: string;
        /** The API server, e.g. https://10.0.0.1:6443. */
        url: string;
        /** Only `serviceAccount` is watched by worker-platform. */
        authProvider?: string;
        /**
         * The bearer token of a service account that may list and watch
         * Applications, ScaledObjects, Deployments and HPAs, and read
         * external metrics.
         * @visibility secret
         */
        serviceAccountToken?: string;
        /** Skip verifying the API server's certificate (also needed for plain http URLs). */
        skipTLSVerify?: boolean;
        /**
         * The API server's CA certificate, base64-encoded PEM.
         * @visibility secret
         */
        caData?: string;
      }>;
    }>;
  };

  /** Settings of the worker-platform status backend. */
  workerPlatform?: {
    /** Also watch the current context of the local kubeconfig, for development. */
    localKubeconfig?: {
      enabled?: boolean;
      /** A context other than the current one. */
      context?: string;
    };
    /** Queue lengths from KEDA's external metrics API. */
    queueDepth?: {
      /**
       * How often each replica fetches the depths of entities viewed through
       * it, as a duration (`{ seconds: 10 }`, `PT10S`, `10s`); 10 s by default.
       */
      refreshInterval?: HumanDuration | string;
      /** The same in seconds; `refreshInterval` wins when both are set. */
      refreshIntervalSeconds?: number;
      /** Metric requests in flight per cluster; 4 by default. */
      concurrency?: number;
      /** How long after its last page view an entity's depths keep being fetched; 15 by default. */
      interestWindowMinutes?: number;
    };
    /** Day-2 operations (sync, rollback, pause, …) from the Deployments tab and actions. */
    operations?: {
      /**
       * Environments whose operations are audited at high severity and
       * notify the service's owners; `[production]` by default.
       */
      productionEnvironments?: string[];
    };
    /** ArgoCD, beyond watching it. */
    argocd?: {
      /**
       * Registering new services and environments with ArgoCD
       * (`worker-platform:argocd:register`), by server-side apply.
       */
      registration?: {
        /**
         * The clusters a registration may go to: names of
         * `kubernetes.clusterLocatorMethods` clusters, each with the
         * namespace its ArgoCD watches. None by default, so nothing is
         * registered until a cluster is listed here.
         */
        clusters?: Array<{
          /** A cluster name from `kubernetes.clusterLocatorMethods`. */
          name: string;
          /** The ArgoCD namespace of that cluster; `argocd` by default. */
          namespace?: string;
        }>;
      };
    };
  };
}
