import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import {
  DeferredEntity,
  EntityProviderConnection,
  EntityProviderMutation,
} from '@backstage/plugin-catalog-node';
import { LocalRepositoryEntityProvider } from './LocalRepositoryEntityProvider';

/** Records what the provider sends; the catalog's side of the connection. */
class RecordingConnection implements EntityProviderConnection {
  readonly mutations: EntityProviderMutation[] = [];

  async applyMutation(mutation: EntityProviderMutation) {
    this.mutations.push(mutation);
  }

  async refresh() {}

  /** The Location targets of the latest full mutation. */
  get targets(): string[] {
    const last = this.mutations[this.mutations.length - 1];
    if (last?.type !== 'full') return [];
    return last.entities.map(
      (deferred: DeferredEntity) =>
        (deferred.entity.spec as { target: string }).target,
    );
  }
}

describe('LocalRepositoryEntityProvider', () => {
  const mockDir = createMockDirectory();
  let provider: LocalRepositoryEntityProvider;

  afterEach(() => provider?.close());

  function connect() {
    provider = new LocalRepositoryEntityProvider({
      directory: mockDir.resolve('repos'),
      logger: mockServices.logger.mock(),
    });
    const connection = new RecordingConnection();
    return { connection, connected: provider.connect(connection) };
  }

  it('registers each repository that has a catalog-info.yaml as a file Location', async () => {
    mockDir.setContent({
      repos: {
        thumbnailer: { 'catalog-info.yaml': 'kind: Component\n' },
        imagegen: { 'catalog-info.yaml': 'kind: Component\n' },
        'no-descriptor': { 'README.md': '#' },
        '.half-made.staging-1234': { 'catalog-info.yaml': 'kind: Component\n' },
        'stray-file.txt': 'x',
      },
    });
    const { connection, connected } = connect();
    await connected;

    expect(connection.targets).toEqual([
      mockDir.resolve('repos/imagegen/catalog-info.yaml'),
      mockDir.resolve('repos/thumbnailer/catalog-info.yaml'),
    ]);
    const [{ entity, locationKey }] = (
      connection.mutations[0] as { entities: DeferredEntity[] }
    ).entities;
    expect(entity).toMatchObject({
      kind: 'Location',
      spec: { type: 'file' },
      metadata: { name: expect.stringMatching(/^generated-/) },
    });
    expect(locationKey).toBe(
      `worker-platform-local-repositories:${mockDir.resolve('repos')}`,
    );
  });

  it('creates a missing directory and starts with no Locations', async () => {
    mockDir.clear();
    const { connection, connected } = connect();
    await connected;
    expect(connection.mutations).toEqual([{ type: 'full', entities: [] }]);
  });

  it('registers a repository shortly after it appears in the directory', async () => {
    mockDir.setContent({ repos: {} });
    const { connection, connected } = connect();
    await connected;

    mockDir.addContent({
      'repos/fresh/catalog-info.yaml': 'kind: Component\n',
    });

    await waitFor(() =>
      expect(connection.targets).toEqual([
        mockDir.resolve('repos/fresh/catalog-info.yaml'),
      ]),
    );
  });

  it('refuses to refresh before the catalog connected it', async () => {
    provider = new LocalRepositoryEntityProvider({
      directory: mockDir.resolve('repos'),
      logger: mockServices.logger.mock(),
    });
    await expect(provider.refresh()).rejects.toThrow(/not connected yet/);
  });
});

async function waitFor(assertion: () => void, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      assertion();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise(resolve => setTimeout(resolve, 50));
    }
  }
}
