import { ConfigReader } from '@backstage/config';
import { readSpecDefaultsConfig } from './config';

describe('readSpecDefaultsConfig', () => {
  it('reads workerPlatform.defaults', () => {
    const config = new ConfigReader({
      workerPlatform: {
        localPublisher: { directory: '/tmp/repos' },
        defaults: {
          registry: 'ghcr.io/acme',
          owner: 'group:default/imaging',
          apiDomain: 'apps.acme.dev',
        },
      },
    });
    expect(readSpecDefaultsConfig(config)).toEqual({
      registry: 'ghcr.io/acme',
      owner: 'group:default/imaging',
      apiDomain: 'apps.acme.dev',
    });
  });

  it('gives no defaults without the key, or with only some of them', () => {
    expect(readSpecDefaultsConfig(new ConfigReader({}))).toEqual({});
    expect(
      readSpecDefaultsConfig(
        new ConfigReader({
          workerPlatform: { defaults: { owner: 'group:default/platform' } },
        }),
      ),
    ).toEqual({ owner: 'group:default/platform' });
  });

  it('refuses a value in the wrong format or a misspelt key, naming each', () => {
    const config = new ConfigReader({
      workerPlatform: {
        defaults: { registry: 'https://ghcr.io/acme', apiDomian: 'acme.dev' },
      },
    });
    expect(() => readSpecDefaultsConfig(config)).toThrow(
      [
        'Invalid workerPlatform.defaults in app-config:',
        'workerPlatform.defaults.registry: must be a container registry host with an optional path, such as ghcr.io/acme',
        'workerPlatform.defaults.apiDomian: unknown field "apiDomian"; did you mean "apiDomain"?',
      ].join('\n'),
    );
  });
});
