import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { LabelSelectorMatcher, parseLabelSelector } from './labelSelector';
import {
  collectionKey,
  parseCollectionPath,
  parseExternalMetricPath,
  parseObjectPath,
  pluralOf,
  ObjectPath,
} from './resourcePaths';
import {
  PATCH_CONTENT_TYPES,
  PatchError,
  PatchType,
  applyApplyPatch,
  applyJsonPatch,
  applyMergePatch,
} from './patch';
import {
  FieldOwners,
  abandonedFields,
  describeConflicts,
  findConflicts,
  takeOwnership,
  withoutFields,
} from './fieldOwnership';
import {
  FakeExternalMetric,
  FakeKubernetesObject,
  FakeObjectRef,
  FakePatchRecord,
  FakeRequestKind,
} from './types';

/** Options of {@link FakeKubernetesApiServer.start}. */
export interface FakeKubernetesApiServerOptions {
  /** Port on 127.0.0.1; a free one when omitted. */
  port?: number;
  /** Bearer token every request must carry; no authentication when omitted. */
  token?: string;
  /** How often a watch that allows bookmarks gets one; 5 s by default. */
  bookmarkIntervalMs?: number;
  /**
   * The kinds the server serves even while it holds none of them (others
   * answer 404 until an object of theirs is upserted); ArgoCD Applications,
   * KEDA ScaledObjects, Deployments and HPAs by default. Leave one out to play
   * a cluster without that CRD.
   */
  resources?: Array<{ apiVersion: string; kind: string }>;
}

/** A change to a stored object, as {@link FakeKubernetesApiServer.onChange} reports it. */
export interface FakeObjectChange {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  object: FakeKubernetesObject;
  previous?: FakeKubernetesObject;
  /** `api` when a client changed it through HTTP (a PATCH), `harness` for upserts, updates and deletions by the test or demo. */
  source: 'api' | 'harness';
}

/** The kinds a cluster with ArgoCD and KEDA installed serves. */
export const DEFAULT_FAKE_RESOURCES = [
  { apiVersion: 'argoproj.io/v1alpha1', kind: 'Application' },
  { apiVersion: 'keda.sh/v1alpha1', kind: 'ScaledObject' },
  { apiVersion: 'apps/v1', kind: 'Deployment' },
  { apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler' },
];

interface WatchEvent {
  resourceVersion: number;
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  object: FakeKubernetesObject;
  /** The object before the change, to tell watchers whose selector it left. */
  previous?: FakeKubernetesObject;
}

interface Collection {
  kind: string;
  objects: Map<string, FakeKubernetesObject>;
  history: WatchEvent[];
  /** Events at or below this resourceVersion are forgotten (etcd compaction). */
  compactedResourceVersion: number;
}

interface Watcher {
  key: string;
  namespace?: string;
  matches: LabelSelectorMatcher;
  response: http.ServerResponse;
  close(): void;
}

interface FailureRule {
  status: number;
  remaining: number;
  kind?: FakeRequestKind;
}

const HISTORY_LIMIT = 10_000;

/**
 * A Kubernetes API server for tests, the e2e suite and demos: real HTTP list
 * and watch (chunked JSON lines) with resourceVersions, label selectors,
 * bookmarks and bearer auth, KEDA's external metrics endpoint, and hooks to
 * change objects and inject faults. Listens on 127.0.0.1 over plain HTTP.
 */
export class FakeKubernetesApiServer {
  private readonly collections = new Map<string, Collection>();
  private readonly metrics = new Map<string, FakeExternalMetric>();
  private readonly watchers = new Set<Watcher>();
  private readonly failures: FailureRule[] = [];
  private readonly counts: Record<FakeRequestKind, number> = {
    list: 0,
    watch: 0,
    metrics: 0,
    get: 0,
    patch: 0,
    other: 0,
  };
  private readonly patchLog: FakePatchRecord[] = [];
  /** Field managers per stored object (`<collection key>|<object id>`), for server-side apply conflicts. */
  private readonly fieldOwners = new Map<string, FieldOwners>();
  private readonly changeListeners = new Set<
    (change: FakeObjectChange) => void
  >();
  private resourceVersion = 1000;
  private changeSource: FakeObjectChange['source'] = 'harness';
  private latencyMs = 0;
  private inFlight = 0;
  private peakInFlight = 0;

  /** Starts a server on 127.0.0.1 and resolves once it listens. */
  static async start(
    options: FakeKubernetesApiServerOptions = {},
  ): Promise<FakeKubernetesApiServer> {
    const server = new FakeKubernetesApiServer(options);
    await server.listen(options.port ?? 0);
    return server;
  }

  private readonly server: http.Server;
  private readonly token?: string;
  private readonly bookmarkIntervalMs: number;

  private constructor(options: FakeKubernetesApiServerOptions) {
    this.token = options.token;
    this.bookmarkIntervalMs = options.bookmarkIntervalMs ?? 5000;
    for (const { apiVersion, kind } of options.resources ??
      DEFAULT_FAKE_RESOURCES) {
      this.collectionFor(apiVersion, kind);
    }
    this.server = http.createServer((req, res) => {
      this.handle(req, res).catch(error => {
        if (!res.headersSent) {
          this.sendStatus(res, 500, 'InternalError', String(error));
        } else {
          res.destroy();
        }
      });
    });
  }

  /** `http://127.0.0.1:<port>`, the value for `clusters[].url`. */
  get url(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  /** Requests received so far, by kind (including refused ones). */
  get requestCounts(): Readonly<Record<FakeRequestKind, number>> & {
    total: number;
  } {
    const total = Object.values(this.counts).reduce((sum, n) => sum + n, 0);
    return { ...this.counts, total };
  }

  /** The most list and metric requests (not watches) ever answered at once since the last reset. */
  get peakConcurrentRequests(): number {
    return this.peakInFlight;
  }

  /** Every PATCH received so far, refused and dry-run ones included, oldest first. */
  get patches(): readonly FakePatchRecord[] {
    return this.patchLog;
  }

  /** Forgets the recorded patches. */
  clearPatches(): void {
    this.patchLog.length = 0;
  }

  /**
   * Calls `listener` after every stored change (upserts, patches, deletions),
   * as a controller in the cluster would see it; returns the unsubscribe.
   */
  onChange(listener: (change: FakeObjectChange) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /** Number of watch connections open right now. */
  get openWatches(): number {
    return this.watchers.size;
  }

  /** Sets every request counter back to zero. */
  resetRequestCounts(): void {
    for (const kind of Object.keys(this.counts) as FakeRequestKind[]) {
      this.counts[kind] = 0;
    }
    this.peakInFlight = this.inFlight;
  }

  /**
   * Creates or replaces an object and tells matching watchers. An object equal
   * to the stored one (ignoring server-set metadata) changes nothing.
   */
  upsert(object: FakeKubernetesObject): FakeKubernetesObject {
    const collection = this.collectionFor(object.apiVersion, object.kind);
    const id = objectId(object.metadata.namespace, object.metadata.name);
    const previous = collection.objects.get(id);
    if (
      previous &&
      canonicalJson(withoutServerFields(previous)) ===
        canonicalJson(withoutServerFields(object))
    ) {
      return previous;
    }
    const resourceVersion = ++this.resourceVersion;
    const stored: FakeKubernetesObject = structuredClone(object);
    stored.metadata.resourceVersion = String(resourceVersion);
    stored.metadata.uid =
      previous?.metadata.uid ?? object.metadata.uid ?? randomUUID();
    stored.metadata.creationTimestamp =
      previous?.metadata.creationTimestamp ??
      object.metadata.creationTimestamp ??
      new Date().toISOString();
    collection.objects.set(id, stored);
    this.record(collection, {
      resourceVersion,
      type: previous ? 'MODIFIED' : 'ADDED',
      object: stored,
      previous,
    });
    return stored;
  }

  /** Changes a stored object through `mutate` (which edits a copy) and upserts it. */
  update(
    ref: FakeObjectRef,
    mutate: (object: FakeKubernetesObject) => void,
  ): FakeKubernetesObject {
    const current = this.get(ref);
    if (!current) {
      throw new Error(`no ${ref.kind} ${ref.namespace}/${ref.name} to update`);
    }
    const copy = structuredClone(current);
    mutate(copy);
    return this.upsert(copy);
  }

  /** Deletes an object; returns whether it existed. */
  delete(ref: FakeObjectRef): boolean {
    const collection = this.collectionFor(ref.apiVersion, ref.kind);
    const id = objectId(ref.namespace, ref.name);
    const previous = collection.objects.get(id);
    if (!previous) return false;
    collection.objects.delete(id);
    this.fieldOwners.delete(
      `${collectionKey(ref.apiVersion, pluralOf(ref.kind))}|${id}`,
    );
    const resourceVersion = ++this.resourceVersion;
    const object = structuredClone(previous);
    object.metadata.resourceVersion = String(resourceVersion);
    this.record(collection, {
      resourceVersion,
      type: 'DELETED',
      object,
      previous,
    });
    return true;
  }

  /** A copy of a stored object. */
  get(ref: FakeObjectRef): FakeKubernetesObject | undefined {
    const collection = this.collections.get(
      collectionKey(ref.apiVersion, pluralOf(ref.kind)),
    );
    const object = collection?.objects.get(objectId(ref.namespace, ref.name));
    return object && structuredClone(object);
  }

  /** Sets the value KEDA's external metrics API reports for a metric. */
  setMetric(metric: FakeExternalMetric): void {
    this.metrics.set(metricId(metric), { ...metric });
  }

  /** Answers the next `count` requests (of `kind`, or any) with an error status. */
  failNext(status: number, count = 1, kind?: FakeRequestKind): void {
    this.failures.push({ status, remaining: count, kind });
  }

  /** Delays every response (watch headers included) by `ms`. */
  setLatency(ms: number): void {
    this.latencyMs = ms;
  }

  /** Cuts every open watch connection, as a restarting API server or load balancer does. */
  dropWatches(): void {
    for (const watcher of [...this.watchers]) {
      watcher.response.destroy();
      watcher.close();
    }
  }

  /**
   * Forgets the watch history and drops every watch: a client resuming from
   * its resourceVersion gets `410 Gone` and must list again, as after etcd
   * compaction.
   */
  expireWatches(): void {
    this.resourceVersion++;
    for (const collection of this.collections.values()) {
      collection.history = [];
      collection.compactedResourceVersion = this.resourceVersion;
    }
    this.dropWatches();
  }

  /** Closes every connection and stops listening. */
  async stop(): Promise<void> {
    this.dropWatches();
    this.server.closeAllConnections();
    await new Promise<void>(resolve => this.server.close(() => resolve()));
  }

  private async listen(port: number): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => resolve());
    });
  }

  private collectionFor(apiVersion: string, kind: string): Collection {
    const key = collectionKey(apiVersion, pluralOf(kind));
    let collection = this.collections.get(key);
    if (!collection) {
      collection = {
        kind,
        objects: new Map(),
        history: [],
        compactedResourceVersion: 0,
      };
      this.collections.set(key, collection);
    }
    return collection;
  }

  private record(collection: Collection, event: WatchEvent): void {
    collection.history.push(event);
    if (collection.history.length > HISTORY_LIMIT) {
      const dropped = collection.history.shift()!;
      collection.compactedResourceVersion = dropped.resourceVersion;
    }
    for (const watcher of this.watchers) {
      if (this.collections.get(watcher.key) === collection) {
        this.send(watcher, event);
      }
    }
    for (const listener of this.changeListeners) {
      listener({
        type: event.type,
        object: structuredClone(event.object),
        previous: event.previous && structuredClone(event.previous),
        source: this.changeSource,
      });
    }
  }

  private async handle(
    req: http.IncomingMessage,
    res: http.ServerResponse,
  ): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const kind = requestKind(url, req.method);
    this.counts[kind]++;
    if (kind !== 'watch') {
      this.inFlight++;
      this.peakInFlight = Math.max(this.peakInFlight, this.inFlight);
      res.on('close', () => this.inFlight--);
    }
    if (this.latencyMs > 0) {
      await new Promise(resolve => setTimeout(resolve, this.latencyMs));
    }
    if (this.token && req.headers.authorization !== `Bearer ${this.token}`) {
      this.sendStatus(res, 401, 'Unauthorized', 'Unauthorized');
      return;
    }
    const failure = this.failures.find(
      rule => rule.remaining > 0 && (!rule.kind || rule.kind === kind),
    );
    if (failure) {
      failure.remaining--;
      this.sendStatus(
        res,
        failure.status,
        reasonOf(failure.status),
        'injected failure',
      );
      return;
    }
    if (kind === 'get' || kind === 'patch') {
      await this.serveObject(req, url, res);
      return;
    }
    if (req.method !== 'GET') {
      this.sendStatus(
        res,
        405,
        'MethodNotAllowed',
        'the fake server reads collections and patches objects',
      );
      return;
    }
    if (kind === 'metrics') {
      this.serveMetric(url, res);
      return;
    }
    const path = parseCollectionPath(url.pathname);
    const collection =
      path && this.collections.get(collectionKey(path.apiVersion, path.plural));
    if (!path || !collection) {
      this.sendStatus(
        res,
        404,
        'NotFound',
        'the server could not find the requested resource',
      );
      return;
    }
    const selector = url.searchParams.get('labelSelector') ?? '';
    let matches: LabelSelectorMatcher;
    try {
      matches = parseLabelSelector(selector);
    } catch (error) {
      this.sendStatus(res, 400, 'BadRequest', (error as Error).message);
      return;
    }
    if (kind === 'watch') {
      this.serveWatch(
        url,
        res,
        collection,
        path.apiVersion,
        path.namespace,
        matches,
      );
    } else {
      this.serveList(
        url,
        res,
        collection,
        path.apiVersion,
        path.namespace,
        matches,
      );
    }
  }

  private async serveObject(
    req: http.IncomingMessage,
    url: URL,
    res: http.ServerResponse,
  ): Promise<void> {
    const path = parseObjectPath(url.pathname)!;
    let collection = this.collections.get(
      collectionKey(path.apiVersion, path.plural),
    );
    const stored = collection?.objects.get(objectId(path.namespace, path.name));
    if (req.method === 'GET') {
      if (!collection || !stored) {
        this.sendNotFound(res, path);
      } else {
        sendJson(res, 200, stored);
      }
      return;
    }
    if (req.method !== 'PATCH') {
      this.sendStatus(
        res,
        405,
        'MethodNotAllowed',
        'the fake server reads collections and patches objects',
      );
      return;
    }
    const body = await readBody(req);
    const contentType = (req.headers['content-type'] ?? '').split(';')[0];
    const patchType = (['merge', 'json', 'apply'] as PatchType[]).find(
      type => PATCH_CONTENT_TYPES[type] === contentType,
    );
    const dryRun = url.searchParams.get('dryRun') === 'All';
    const fieldManager = url.searchParams.get('fieldManager') ?? undefined;
    const force = url.searchParams.has('force')
      ? url.searchParams.get('force') === 'true'
      : undefined;
    let patch: unknown;
    try {
      patch = JSON.parse(body);
    } catch {
      patch = body;
    }
    // Server-side apply creates an object that does not exist yet.
    const creates =
      !stored &&
      patchType === 'apply' &&
      isAppliedObjectFor(patch, path.apiVersion, path.plural);
    if (creates && !collection) {
      collection = this.collectionFor(
        path.apiVersion,
        (patch as FakeKubernetesObject).kind,
      );
    }
    const record = (status: number) => {
      if (collection) {
        this.patchLog.push({
          apiVersion: path.apiVersion,
          kind: collection.kind,
          namespace: path.namespace,
          name: path.name,
          patchType: patchType ?? 'merge',
          patch,
          dryRun,
          fieldManager,
          force,
          status,
        });
      }
    };
    if (!collection || (!stored && !creates)) {
      record(404);
      this.sendNotFound(res, path);
      return;
    }
    if (!patchType || typeof patch === 'string') {
      record(415);
      this.sendStatus(
        res,
        415,
        'UnsupportedMediaType',
        contentType === PATCH_CONTENT_TYPES.strategic
          ? 'strategic merge patch is not supported for custom resources'
          : `the body of a ${contentType || 'patch'} request must be JSON`,
      );
      return;
    }
    if (patchType === 'apply' && !fieldManager) {
      record(400);
      this.sendStatus(
        res,
        400,
        'BadRequest',
        'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch',
      );
      return;
    }
    const ownersKey = `${collectionKey(
      path.apiVersion,
      path.plural,
    )}|${objectId(path.namespace, path.name)}`;
    const manager = fieldManager ?? 'unknown';
    let patched: FakeKubernetesObject;
    try {
      if (patchType === 'apply' && force !== true) {
        const conflicts = findConflicts(
          this.fieldOwners.get(ownersKey),
          manager,
          stored,
          patch,
        );
        if (conflicts.length > 0) {
          throw new PatchError(
            409,
            describeConflicts(conflicts, path.apiVersion),
          );
        }
      }
      const apply = {
        merge: applyMergePatch,
        json: applyJsonPatch,
        apply: applyApplyPatch,
      }[patchType];
      patched = apply(
        stored ?? {
          metadata: { name: path.name, namespace: path.namespace },
        },
        patch,
      ) as FakeKubernetesObject;
      if (patchType === 'apply') {
        patched = withoutFields(
          patched,
          abandonedFields(this.fieldOwners.get(ownersKey), manager, patch),
        );
      }
      const expected = (patched.metadata as { resourceVersion?: unknown })
        ?.resourceVersion;
      // A patch that names a resourceVersion is a precondition, as on a real server.
      if (
        patchType !== 'json' &&
        expected !== undefined &&
        expected !== stored?.metadata.resourceVersion
      ) {
        throw new PatchError(
          409,
          `Operation cannot be fulfilled on ${path.plural} "${path.name}": the object has been modified; please apply your changes to the latest version and try again`,
        );
      }
      if (
        patched.metadata?.name !== path.name ||
        patched.metadata?.namespace !== path.namespace ||
        patched.kind !== collection.kind
      ) {
        throw new PatchError(
          422,
          'a patch may not change kind, name or namespace',
        );
      }
    } catch (error) {
      if (!(error instanceof PatchError)) throw error;
      record(error.status);
      this.sendStatus(res, error.status, reasonOf(error.status), error.message);
      return;
    }
    const status = stored ? 200 : 201;
    record(status);
    if (dryRun) {
      sendJson(res, status, patched);
      return;
    }
    const owners = this.fieldOwners.get(ownersKey) ?? new Map();
    this.fieldOwners.set(ownersKey, owners);
    takeOwnership(owners, manager, patchType === 'json' ? {} : patch, {
      share: patchType === 'apply' && force !== true,
      replace: patchType === 'apply',
    });
    this.changeSource = 'api';
    try {
      sendJson(res, status, this.upsert(patched));
    } finally {
      this.changeSource = 'harness';
    }
  }

  private sendNotFound(res: http.ServerResponse, path: ObjectPath): void {
    this.sendStatus(
      res,
      404,
      'NotFound',
      `${path.plural}.${path.apiVersion.split('/')[0]} "${
        path.name
      }" not found`,
    );
  }

  private serveList(
    url: URL,
    res: http.ServerResponse,
    collection: Collection,
    apiVersion: string,
    namespace: string | undefined,
    matches: LabelSelectorMatcher,
  ): void {
    const items = [...collection.objects.values()]
      .filter(object => inScope(object, namespace, matches))
      .sort((a, b) =>
        objectId(a.metadata.namespace, a.metadata.name).localeCompare(
          objectId(b.metadata.namespace, b.metadata.name),
        ),
      );
    const limit = Number(url.searchParams.get('limit') ?? 0);
    const continueToken = url.searchParams.get('continue');
    const offset = continueToken
      ? Number(Buffer.from(continueToken, 'base64url').toString())
      : 0;
    const page =
      limit > 0 ? items.slice(offset, offset + limit) : items.slice(offset);
    const next = offset + page.length;
    sendJson(res, 200, {
      apiVersion,
      kind: `${collection.kind}List`,
      metadata: {
        resourceVersion: String(this.resourceVersion),
        ...(limit > 0 && next < items.length
          ? { continue: Buffer.from(String(next)).toString('base64url') }
          : {}),
      },
      items: page,
    });
  }

  private serveWatch(
    url: URL,
    res: http.ServerResponse,
    collection: Collection,
    apiVersion: string,
    namespace: string | undefined,
    matches: LabelSelectorMatcher,
  ): void {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.flushHeaders();
    const requested = url.searchParams.get('resourceVersion');
    const since = requested ? Number(requested) : 0;
    if (since > 0 && since < collection.compactedResourceVersion) {
      writeEvent(res, 'ERROR', {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: `too old resource version: ${since} (${collection.compactedResourceVersion})`,
        reason: 'Expired',
        code: 410,
      });
      res.end();
      return;
    }
    const timers: NodeJS.Timeout[] = [];
    const watcher: Watcher = {
      key: collectionKey(apiVersion, pluralOf(collection.kind)),
      namespace,
      matches,
      response: res,
      close: () => {
        timers.forEach(timer => clearInterval(timer));
        this.watchers.delete(watcher);
      },
    };
    res.on('close', watcher.close);
    if (since === 0) {
      for (const object of collection.objects.values()) {
        if (inScope(object, namespace, matches))
          writeEvent(res, 'ADDED', object);
      }
    } else {
      for (const event of collection.history) {
        if (event.resourceVersion > since) this.send(watcher, event);
      }
    }
    this.watchers.add(watcher);
    if (url.searchParams.get('allowWatchBookmarks') === 'true') {
      timers.push(
        setInterval(() => {
          writeEvent(res, 'BOOKMARK', {
            apiVersion,
            kind: collection.kind,
            metadata: { resourceVersion: String(this.resourceVersion) },
          });
        }, this.bookmarkIntervalMs),
      );
    }
    const timeoutSeconds = Number(url.searchParams.get('timeoutSeconds') ?? 0);
    if (timeoutSeconds > 0) {
      timers.push(setTimeout(() => res.end(), timeoutSeconds * 1000));
    }
  }

  /** Sends an event as this watcher sees it: leaving its selector is a deletion. */
  private send(watcher: Watcher, event: WatchEvent): void {
    const now = inScope(event.object, watcher.namespace, watcher.matches);
    const before =
      event.previous !== undefined &&
      inScope(event.previous, watcher.namespace, watcher.matches);
    if (event.type === 'DELETED') {
      if (before) writeEvent(watcher.response, 'DELETED', event.object);
    } else if (now) {
      writeEvent(watcher.response, before ? 'MODIFIED' : 'ADDED', event.object);
    } else if (before) {
      writeEvent(watcher.response, 'DELETED', event.object);
    }
  }

  private serveMetric(url: URL, res: http.ServerResponse): void {
    const path = parseExternalMetricPath(url.pathname);
    const selector = url.searchParams.get('labelSelector') ?? '';
    const scaledObject = /^scaledobject\.keda\.sh\/name=(.+)$/.exec(
      selector,
    )?.[1];
    const metric =
      path &&
      scaledObject &&
      this.metrics.get(metricId({ ...path, scaledObject }));
    if (!metric) {
      this.sendStatus(res, 404, 'NotFound', 'no matching metrics found');
      return;
    }
    sendJson(res, 200, {
      kind: 'ExternalMetricValueList',
      apiVersion: 'external.metrics.k8s.io/v1beta1',
      metadata: {},
      items: [
        {
          metricName: metric.metric,
          metricLabels: null,
          timestamp: new Date().toISOString(),
          value: formatQuantity(metric.value),
        },
      ],
    });
  }

  private sendStatus(
    res: http.ServerResponse,
    code: number,
    reason: string,
    message: string,
  ): void {
    sendJson(res, code, {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message,
      reason,
      code,
    });
  }
}

function requestKind(url: URL, method?: string): FakeRequestKind {
  if (parseExternalMetricPath(url.pathname)) return 'metrics';
  if (!parseCollectionPath(url.pathname)) {
    if (!parseObjectPath(url.pathname)) return 'other';
    return method === 'PATCH' ? 'patch' : 'get';
  }
  const watch = url.searchParams.get('watch');
  return watch === 'true' || watch === '1' ? 'watch' : 'list';
}

/** Whether an apply body is an object of the kind the request path names. */
function isAppliedObjectFor(
  body: unknown,
  apiVersion: string,
  plural: string,
): boolean {
  const object = body as Partial<FakeKubernetesObject> | undefined;
  return (
    typeof object === 'object' &&
    object !== null &&
    object.apiVersion === apiVersion &&
    typeof object.kind === 'string' &&
    pluralOf(object.kind) === plural
  );
}

function objectId(namespace: string | undefined, name: string): string {
  return `${namespace ?? ''}/${name}`;
}

function metricId(metric: Omit<FakeExternalMetric, 'value'>): string {
  return `${metric.namespace}/${metric.scaledObject}/${metric.metric}`;
}

function inScope(
  object: FakeKubernetesObject,
  namespace: string | undefined,
  matches: LabelSelectorMatcher,
): boolean {
  return (
    (namespace === undefined || object.metadata.namespace === namespace) &&
    matches(object.metadata.labels)
  );
}

function withoutServerFields(object: FakeKubernetesObject) {
  const { resourceVersion, uid, creationTimestamp, ...metadata } =
    object.metadata;
  return { ...object, metadata };
}

/** JSON with sorted keys, so that equal objects give equal text. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(
          Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)),
        )
      : inner,
  );
}

function writeEvent(res: http.ServerResponse, type: string, object: unknown) {
  if (!res.writableEnded && !res.destroyed) {
    res.write(`${JSON.stringify({ type, object })}\n`);
  }
}

function sendJson(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', chunk => (body += chunk));
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

function reasonOf(status: number): string {
  switch (status) {
    case 404:
      return 'NotFound';
    case 409:
      return 'Conflict';
    case 415:
      return 'UnsupportedMediaType';
    case 422:
      return 'Invalid';
    case 410:
      return 'Expired';
    case 429:
      return 'TooManyRequests';
    case 503:
      return 'ServiceUnavailable';
    default:
      return status >= 500 ? 'InternalError' : 'BadRequest';
  }
}

/** A number as a Kubernetes quantity, the way KEDA reports queue lengths. */
function formatQuantity(value: number): string {
  return Number.isInteger(value)
    ? String(value)
    : `${Math.round(value * 1000)}m`;
}
