import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

/**
 * How to reach and authenticate to one cluster, from a kubeconfig context.
 *
 * @public
 */
export interface ClusterConnection {
  /** The context's cluster name, for reports. */
  cluster: string;
  server: string;
  ca?: Buffer;
  insecureSkipTlsVerify?: boolean;
  token?: string;
  clientCertificate?: Buffer;
  clientKey?: Buffer;
}

/**
 * A kubeconfig that cannot be used: missing, malformed, or an unsupported auth method.
 *
 * @public
 */
export class KubeconfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KubeconfigError';
  }
}

type Named<T> = { name?: string } & T;

/**
 * Reads the connection of a kubeconfig's context (its `current-context`
 * unless one is named): server, CA, TLS verification, and a bearer token or
 * client certificate, inline or from files relative to the kubeconfig.
 * `exec` and `auth-provider` users are not supported.
 *
 * @public
 */
export async function readKubeconfig(
  file: string,
  contextName?: string,
): Promise<ClusterConnection> {
  let doc: any;
  try {
    doc = parse(await fs.readFile(file, 'utf8'));
  } catch (error) {
    throw new KubeconfigError(
      `cannot read the kubeconfig ${file}: ${
        (error as NodeJS.ErrnoException).code ?? (error as Error).message
      }`,
    );
  }
  const base = path.dirname(file);
  const find = <T>(list: unknown, name: string, what: string): T => {
    const found = (Array.isArray(list) ? (list as Named<T>[]) : []).find(
      item => item?.name === name,
    );
    if (!found) {
      throw new KubeconfigError(`the kubeconfig has no ${what} "${name}"`);
    }
    return found;
  };
  const name = contextName ?? doc?.['current-context'];
  if (!name) {
    throw new KubeconfigError(
      'the kubeconfig has no current-context; name one with --context',
    );
  }
  const context = find<{ context?: { cluster?: string; user?: string } }>(
    doc?.contexts,
    name,
    'context',
  ).context;
  const clusterName = String(context?.cluster ?? '');
  const cluster =
    find<{ cluster?: Record<string, any> }>(
      doc?.clusters,
      clusterName,
      'cluster',
    ).cluster ?? {};
  const user = context?.user
    ? find<{ user?: Record<string, any> }>(doc?.users, context.user, 'user')
        .user ?? {}
    : {};
  if (user.exec || user['auth-provider']) {
    throw new KubeconfigError(
      `the user of context "${name}" authenticates with ${
        user.exec ? 'exec' : 'auth-provider'
      }, which this command does not run; use a token or a client certificate`,
    );
  }
  if (typeof cluster.server !== 'string') {
    throw new KubeconfigError(`the cluster "${clusterName}" has no server`);
  }
  const bytes = async (data?: string, fileName?: string) => {
    if (data) return Buffer.from(data, 'base64');
    if (fileName) return fs.readFile(path.resolve(base, fileName));
    return undefined;
  };
  const tokenFile = user.tokenFile
    ? (await fs.readFile(path.resolve(base, user.tokenFile), 'utf8')).trim()
    : undefined;
  return {
    cluster: clusterName,
    server: cluster.server.replace(/\/+$/, ''),
    ca: await bytes(
      cluster['certificate-authority-data'],
      cluster['certificate-authority'],
    ),
    insecureSkipTlsVerify: cluster['insecure-skip-tls-verify'] === true,
    token: user.token ?? tokenFile,
    clientCertificate: await bytes(
      user['client-certificate-data'],
      user['client-certificate'],
    ),
    clientKey: await bytes(user['client-key-data'], user['client-key']),
  };
}
