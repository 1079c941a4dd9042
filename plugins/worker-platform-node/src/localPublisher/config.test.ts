import { ConfigReader } from '@backstage/config';
import os from 'node:os';
import path from 'node:path';
import { readLocalPublisherConfig } from './config';

describe('readLocalPublisherConfig', () => {
  it('defaults to a directory under the OS temp directory', () => {
    expect(readLocalPublisherConfig(new ConfigReader({}))).toEqual({
      directory: path.join(os.tmpdir(), 'worker-platform-repos'),
    });
  });

  it('resolves a configured relative directory against the working directory', () => {
    const config = new ConfigReader({
      workerPlatform: { localPublisher: { directory: 'repos' } },
    });
    expect(readLocalPublisherConfig(config).directory).toBe(
      path.resolve(process.cwd(), 'repos'),
    );
  });

  it('names the key when the value has the wrong type', () => {
    const config = new ConfigReader({
      workerPlatform: { localPublisher: { directory: 7 } },
    });
    expect(() => readLocalPublisherConfig(config)).toThrow(
      /workerPlatform\.localPublisher\.directory/,
    );
  });
});
