import { mockServices } from '@backstage/backend-test-utils';
import { StatusSignalPublisher } from './StatusSignalPublisher';

describe('StatusSignalPublisher', () => {
  const setup = (maxEntities?: number) => {
    const publish = jest.fn().mockResolvedValue(undefined);
    const publisher = new StatusSignalPublisher({
      signals: { publish },
      logger: mockServices.logger.mock(),
      debounceMs: 20,
      maxEntities,
    });
    return { publish, publisher };
  };
  const channels = (publish: jest.Mock) =>
    publish.mock.calls.map(([signal]) => signal.channel).sort();

  it('sends one signal per viewed entity of a changed id, batched', async () => {
    const { publish, publisher } = setup();
    publisher.registerViewer('component:default/pingvasai', 'pingvasai');
    publisher.registerViewer('component:default/pingvasai-docs', 'pingvasai');
    publisher.registerViewer('component:default/other', 'other');

    publisher.notify(new Set(['pingvasai']));
    publisher.notify(new Set(['pingvasai', 'unviewed']));
    expect(publish).not.toHaveBeenCalled();
    await new Promise(resolve => setTimeout(resolve, 50));

    expect(channels(publish)).toEqual([
      'worker-platform:status:component:default/pingvasai',
      'worker-platform:status:component:default/pingvasai-docs',
    ]);
    expect(publish.mock.calls[0][0]).toMatchObject({
      recipients: { type: 'broadcast' },
      message: { entityRef: expect.stringMatching(/^component:default\//) },
    });
  });

  it('signals every viewed entity when a cluster connects or drops', async () => {
    const { publish, publisher } = setup();
    publisher.registerViewer('component:default/a', 'a');
    publisher.registerViewer('component:default/b', 'b');
    publisher.notifyAll();
    await publisher.stop();
    expect(publish).toHaveBeenCalledTimes(2);
  });

  it('forgets the least recently viewed entity beyond its bound', async () => {
    const { publish, publisher } = setup(2);
    publisher.registerViewer('component:default/a', 'a');
    publisher.registerViewer('component:default/b', 'b');
    publisher.registerViewer('component:default/a', 'a');
    publisher.registerViewer('component:default/c', 'c');
    publisher.notify(new Set(['a', 'b', 'c']));
    await publisher.stop();
    expect(channels(publish)).toEqual([
      'worker-platform:status:component:default/a',
      'worker-platform:status:component:default/c',
    ]);
  });
});
