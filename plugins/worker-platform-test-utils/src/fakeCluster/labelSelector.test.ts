import { parseLabelSelector } from './labelSelector';

describe('parseLabelSelector', () => {
  const labels = {
    'backstage.io/kubernetes-id': 'pingvasai',
    'worker-platform.io/environment': 'production',
  };

  it.each([
    ['', true],
    ['backstage.io/kubernetes-id', true],
    ['!backstage.io/kubernetes-id', false],
    ['!app.kubernetes.io/name', true],
    ['backstage.io/kubernetes-id=pingvasai', true],
    ['backstage.io/kubernetes-id==pingvasai', true],
    ['backstage.io/kubernetes-id=other', false],
    ['backstage.io/kubernetes-id!=other', true],
    ['worker-platform.io/environment in (staging, production)', true],
    ['worker-platform.io/environment notin (staging,production)', false],
    ['missing notin (a)', true],
    [
      'backstage.io/kubernetes-id,worker-platform.io/environment=staging',
      false,
    ],
    [
      'worker-platform.io/environment in (production),backstage.io/kubernetes-id=pingvasai',
      true,
    ],
  ])('%j matches: %s', (selector, expected) => {
    expect(parseLabelSelector(selector)(labels)).toBe(expected);
  });

  it('treats objects without labels as having none', () => {
    expect(parseLabelSelector('!a')(undefined)).toBe(true);
    expect(parseLabelSelector('a')(undefined)).toBe(false);
  });

  it('names the requirement it cannot read', () => {
    expect(() => parseLabelSelector('a in b')).toThrow(
      'unable to parse label selector requirement "a in b"',
    );
  });
});
