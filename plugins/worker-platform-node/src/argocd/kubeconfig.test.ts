import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readKubeconfig } from './kubeconfig';

describe('readKubeconfig', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kubeconfig-'));
  });
  afterEach(() => fs.rm(dir, { recursive: true, force: true }));

  const write = async (text: string) => {
    const file = path.join(dir, 'config');
    await fs.writeFile(file, text);
    return file;
  };

  const config = `
apiVersion: v1
kind: Config
current-context: dev
contexts:
  - name: dev
    context: { cluster: dev-cluster, user: dev-user }
  - name: prod
    context: { cluster: prod-cluster, user: sso }
clusters:
  - name: dev-cluster
    cluster:
      server: https://dev.example.com:6443/
      certificate-authority: ca.crt
  - name: prod-cluster
    cluster: { server: https://prod.example.com, insecure-skip-tls-verify: true }
users:
  - name: dev-user
    user: { tokenFile: token }
  - name: sso
    user:
      exec: { command: aws, args: [eks, get-token] }
`;

  it("reads the current context's server, CA and token, files relative to the kubeconfig", async () => {
    await fs.writeFile(path.join(dir, 'ca.crt'), 'CA');
    await fs.writeFile(path.join(dir, 'token'), 'secret\n');
    const connection = await readKubeconfig(await write(config));
    expect(connection).toMatchObject({
      cluster: 'dev-cluster',
      server: 'https://dev.example.com:6443',
      token: 'secret',
      insecureSkipTlsVerify: false,
    });
    expect(connection.ca?.toString()).toBe('CA');
  });

  it('refuses users it cannot authenticate as, and unknown contexts', async () => {
    const file = await write(config);
    await expect(readKubeconfig(file, 'prod')).rejects.toThrow(
      'the user of context "prod" authenticates with exec, which this command does not run; use a token or a client certificate',
    );
    await expect(readKubeconfig(file, 'staging')).rejects.toThrow(
      'the kubeconfig has no context "staging"',
    );
  });
});
