import { mockServices } from '@backstage/backend-test-utils';
import { RecordedPoint } from '../history/ScalingHistory';
import { HistorySignalPublisher } from './HistorySignalPublisher';

const ENTITY = 'component:default/pingvasai';
const T0 = Date.parse('2026-12-04T10:00:00Z');
const point = (
  environment: string,
  seconds: number,
  desired: number,
  pool = 'gpu',
): RecordedPoint => ({
  environment,
  pool,
  previousAt: seconds === 0 ? null : T0 + (seconds - 10) * 1000,
  point: {
    at: T0 + seconds * 1000,
    desired,
    ready: desired,
    depths: [1, null],
  },
});

describe('HistorySignalPublisher', () => {
  let clock = T0;
  const setup = (
    options: Partial<{
      maxPointsPerMessage: number;
      maxReaders: number;
      maxPendingPoints: number;
    }> = {},
  ) => {
    clock = T0;
    const publish = jest.fn().mockResolvedValue(undefined);
    const publisher = new HistorySignalPublisher({
      signals: { publish },
      logger: mockServices.logger.mock(),
      debounceMs: 10,
      readerTtlMs: 60_000,
      now: () => clock,
      ...options,
    });
    const read = (user: string, environments: string[]) =>
      publisher.registerReader({
        entityRef: ENTITY,
        kubernetesId: 'pingvasai',
        userEntityRef: user,
        environments,
      });
    const sent = async () => {
      await publisher.stop();
      return publish.mock.calls.map(([signal]) => signal);
    };
    return { publisher, read, sent };
  };

  it('sends the points of an environment only to users allowed to read it', async () => {
    const { publisher, read, sent } = setup();
    read('user:default/owner', ['staging', 'production']);
    read('user:default/intern', ['staging']);
    publisher.publish('pingvasai', [
      point('production', 10, 6),
      point('staging', 10, 2),
    ]);
    const signals = await sent();
    expect(signals).toHaveLength(2);
    const production = signals.find(
      s => s.message.environment === 'production',
    );
    expect(production).toEqual({
      recipients: { type: 'user', entityRef: ['user:default/owner'] },
      channel: `worker-platform:status:${ENTITY}`,
      message: {
        type: 'history-points',
        entityRef: ENTITY,
        environment: 'production',
        points: [
          {
            pool: 'gpu',
            previousAt: '2026-12-04T10:00:00.000Z',
            at: '2026-12-04T10:00:10.000Z',
            desired: 6,
            ready: 6,
            depths: [1, null],
          },
        ],
      },
    });
    const staging = signals.find(s => s.message.environment === 'staging');
    expect(staging.recipients.entityRef.sort()).toEqual([
      'user:default/intern',
      'user:default/owner',
    ]);
  });

  it('never broadcasts, and sends nothing for an entity nobody reads', async () => {
    const { publisher, read, sent } = setup();
    read('user:default/owner', ['production']);
    publisher.publish('other', [point('production', 10, 1)]);
    publisher.publish('pingvasai', [point('staging', 10, 1)]);
    expect(await sent()).toEqual([]);
  });

  it('stops sending when a read is old, and a later read replaces what an earlier one allowed', async () => {
    const { publisher, read, sent } = setup();
    read('user:default/owner', ['production']);
    read('user:default/intern', ['production']);
    read('user:default/intern', ['staging']);
    clock += 30_000;
    publisher.publish('pingvasai', [point('production', 10, 1)]);
    clock += 31_000;
    publisher.publish('pingvasai', [point('production', 20, 2)]);
    const signals = await sent();
    expect(signals.map(s => s.recipients.entityRef)).toEqual([
      ['user:default/owner'],
    ]);
    expect(signals[0].message.points.map((p: any) => p.desired)).toEqual([1]);
  });

  it('batches points into small messages, in order, and bounds what it holds', async () => {
    const { publisher, read, sent } = setup({
      maxPointsPerMessage: 3,
      maxPendingPoints: 7,
    });
    read('user:default/owner', ['production']);
    for (let i = 1; i <= 9; i++) {
      publisher.publish('pingvasai', [point('production', i * 10, i)]);
    }
    const signals = await sent();
    // The two oldest were dropped: the reader's next point does not chain
    // to its last, so it refetches.
    expect(
      signals.map(s => s.message.points.map((p: any) => p.desired)),
    ).toEqual([[3, 4, 5], [6, 7, 8], [9]]);
  });

  it('remembers at most `maxReaders` readers', async () => {
    const { publisher, read, sent } = setup({ maxReaders: 2 });
    read('user:default/a', ['production']);
    read('user:default/b', ['production']);
    read('user:default/c', ['production']);
    publisher.publish('pingvasai', [point('production', 10, 1)]);
    const [signal] = await sent();
    expect(signal.recipients.entityRef.sort()).toEqual([
      'user:default/b',
      'user:default/c',
    ]);
  });
});
