import { allStates } from '../__fixtures__/allStates';
import { clusterUnreachable } from '../__fixtures__/clusterUnreachable';
import { describeClusterProblems } from './clusterProblems';

const now = Date.parse('2026-11-28T14:30:00Z');

describe('describeClusterProblems', () => {
  it('reports nothing when every watch is live', () => {
    const { clusters } = allStates;
    expect(describeClusterProblems(clusters, now)).toEqual([]);
  });

  it('names an unreachable cluster with the age of its data and the reason', () => {
    const { clusters } = clusterUnreachable;
    expect(describeClusterProblems(clusters, now)).toEqual([
      {
        cluster: 'prod-eu',
        summary: 'cluster prod-eu unreachable, data 2 min old',
        detail:
          'watch of scaledobjects.keda.sh failed: connect ETIMEDOUT 10.42.0.1:443; retrying in 8 s',
      },
    ]);
  });

  it('says when a cluster never answered', () => {
    expect(
      describeClusterProblems(
        [{ name: 'prod-us', connected: false, lastEventAt: null }],
        now,
      ),
    ).toEqual([
      {
        cluster: 'prod-us',
        summary: 'cluster prod-us unreachable, no data received yet',
      },
    ]);
  });
});
