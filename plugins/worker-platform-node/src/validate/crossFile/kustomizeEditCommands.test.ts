import { setImageCommands, variablePattern } from './kustomizeEditCommands';
import { celeryQueues } from './workloads';

describe('setImageCommands', () => {
  it('follows cd, working-directory, subshells and continuations', () => {
    const script = [
      'cd service-ns',
      'kustomize edit set image "api=reg/api:${TAG}" worker:v2',
      '(cd ../worker-ns && kustomize edit set image \\',
      '  gpu@sha256:abc)',
    ].join('\n');
    expect(setImageCommands(script, 'k8s/overlays/prod')).toEqual([
      { directory: 'k8s/overlays/prod/service-ns', images: ['api', 'worker'] },
      { directory: 'k8s/overlays/prod/worker-ns', images: ['gpu'] },
    ]);
  });

  it('treats expressions and shell variables as wildcards', () => {
    expect(
      variablePattern('k8s/overlays/${{ matrix.env }}').test(
        'k8s/overlays/staging',
      ),
    ).toBe(true);
    expect(variablePattern('api-${idle}').test('api-green')).toBe(true);
    expect(variablePattern('api-${idle}').test('worker-green')).toBe(false);
  });
});

describe('celeryQueues', () => {
  it.each([
    [
      ['celery', '-A', 'app', 'worker', '--queues=a,b'],
      ['a', 'b'],
    ],
    [['celery', '-A', 'app', 'worker', '-Q', 'a'], ['a']],
    [['celery', '-A', 'app', 'worker'], ['celery']],
    [['uvicorn', 'app.main:app'], undefined],
  ])('%j consumes %j', (commandLine, queues) => {
    expect(celeryQueues(commandLine)).toEqual(queues);
  });
});
