import { changedFields } from './changedFields';

describe('changedFields', () => {
  it('names the changed paths and ignores server-set metadata and status', () => {
    const live = {
      metadata: {
        name: 'a',
        resourceVersion: '1',
        managedFields: [1],
        labels: { x: '1' },
      },
      spec: { source: { targetRevision: 'develop', path: 'p' }, list: [1, 2] },
      status: { sync: { status: 'Synced' } },
    };
    const after = {
      metadata: {
        name: 'a',
        resourceVersion: '2',
        managedFields: [2],
        labels: { x: '1', y: '2' },
      },
      spec: { source: { targetRevision: 'main', path: 'p' }, list: [1, 2, 3] },
      status: { sync: { status: 'OutOfSync' } },
    };
    expect(changedFields(live, after)).toEqual([
      'metadata.labels.y',
      'spec.list',
      'spec.source.targetRevision',
    ]);
    expect(changedFields(live, structuredClone(live))).toEqual([]);
  });
});
