import { DEFAULT_FAKE_TOKEN, parseFakeClusterArgs } from './cliArgs';
import { pingvasaiScenario } from './applyScenario';

describe('parseFakeClusterArgs', () => {
  it('defaults to the example service on port 6443', () => {
    expect(parseFakeClusterArgs([])).toEqual({
      port: 6443,
      token: DEFAULT_FAKE_TOKEN,
      latencyMs: 0,
      scenario: pingvasaiScenario,
    });
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
      '--scenario: must be pingvasai or a .json file, got nope',
    );
    expect(() => parseFakeClusterArgs(['--colour'])).toThrow();
  });
});
