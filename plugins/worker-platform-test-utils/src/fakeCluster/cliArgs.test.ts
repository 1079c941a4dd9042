import { DEFAULT_FAKE_TOKEN, parseFakeClusterArgs } from './cliArgs';
import { pingvasaiScenario } from './applyScenario';

describe('parseFakeClusterArgs', () => {
  it('defaults to the example service on port 6443', () => {
    expect(parseFakeClusterArgs([])).toEqual({
      port: 6443,
      token: DEFAULT_FAKE_TOKEN,
      latencyMs: 0,
      scenario: pingvasaiScenario,
      controlPort: undefined,
    });
  });

  it('plays the demo timeline and opens a control port on request', () => {
    expect(
      parseFakeClusterArgs(['--scenario', 'demo', '--control-port', '16444']),
    ).toMatchObject({ scenario: 'demo', controlPort: 16444 });
  });

  it('reads every option', () => {
    expect(
      parseFakeClusterArgs(['--port', '0', '--token', 't', '--latency', '20']),
    ).toMatchObject({ port: 0, token: 't', latencyMs: 20 });
  });

  it('names the option that is wrong', () => {
    expect(() => parseFakeClusterArgs(['--port', 'x'])).toThrow('--port:');
    expect(() => parseFakeClusterArgs(['--latency=-1'])).toThrow('--latency:');
    expect(() => parseFakeClusterArgs(['--scenario', 'nope'])).toThrow(
      '--scenario: must be pingvasai, demo or a .json file, got nope',
    );
    expect(() => parseFakeClusterArgs(['--control-port', '99999'])).toThrow(
      '--control-port:',
    );
    expect(() => parseFakeClusterArgs(['--colour'])).toThrow();
  });
});
