/** The parts of a Kubernetes object the fake API server needs to know. */
export interface FakeKubernetesObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    resourceVersion?: string;
    uid?: string;
    creationTimestamp?: string;
    generation?: number;
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

/** Which object an operation is about. */
export interface FakeObjectRef {
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
}

/** The kinds of requests the fake server counts. */
export type FakeRequestKind =
  | 'list'
  | 'watch'
  | 'metrics'
  | 'get'
  | 'patch'
  | 'other';

/** A PATCH the fake server received, as {@link FakeKubernetesApiServer.patches} records it. */
export interface FakePatchRecord extends FakeObjectRef {
  /** `merge`, `json` or `apply`, from the request's Content-Type. */
  patchType: 'merge' | 'json' | 'apply';
  /** The request body, parsed. */
  patch: unknown;
  /** `?dryRun=All`: validated and answered, not stored. */
  dryRun: boolean;
  fieldManager?: string;
  force?: boolean;
  /** The HTTP status the server answered. */
  status: number;
}

/** One external metric value, as KEDA's metrics adapter serves it. */
export interface FakeExternalMetric {
  namespace: string;
  /** The ScaledObject the metric belongs to (`scaledobject.keda.sh/name`). */
  scaledObject: string;
  /** KEDA's metric name, e.g. `s0-redis-enterprise`. */
  metric: string;
  value: number;
}
