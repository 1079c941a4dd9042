import { ChildProcess, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';

/**
 * Starts the real backend the way production does (app-config.yaml +
 * app-config.production.yaml, PostgreSQL from POSTGRES_* variables, no guest
 * auth) against the PostgreSQL server on this machine, in databases of its
 * own, and reads the catalog through the API with a service token.
 */

const repoRoot = path.resolve(__dirname, '../../..');
const postgres = {
  host: process.env.POSTGRES_HOST ?? '127.0.0.1',
  port: Number(process.env.POSTGRES_PORT ?? 5432),
  user: process.env.POSTGRES_USER ?? 'postgres',
  password: process.env.POSTGRES_PASSWORD ?? 'unused-with-trust-auth',
};
// Backstage creates one database per plugin, named with this prefix.
const databasePrefix = `wp_it_${crypto.randomBytes(4).toString('hex')}_`;
const token = crypto.randomBytes(24).toString('hex');

let backend: ChildProcess | undefined;
let log = '';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function withAdminClient<T>(fn: (client: Client) => Promise<T>) {
  const client = new Client({ ...postgres, database: 'postgres' });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs: number,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (backend && backend.exitCode !== null) {
      throw new Error(
        `the backend exited before ${what}; log:\n${log.slice(-4000)}`,
      );
    }
    if (Date.now() > deadline) {
      throw new Error(
        `timed out waiting for ${what}; backend log:\n${log.slice(-4000)}`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
}

describe('production configuration', () => {
  let baseUrl = '';

  beforeAll(async () => {
    const port = await freePort();
    baseUrl = `http://localhost:${port}`;
    const extraConfig = path.join(
      fs.mkdtempSync(path.join(os.tmpdir(), 'wp-it-')),
      'app-config.integration.yaml',
    );
    fs.writeFileSync(
      extraConfig,
      JSON.stringify({
        backend: {
          baseUrl,
          listen: `:${port}`,
          database: { prefix: databasePrefix },
          auth: {
            externalAccess: [
              {
                type: 'static',
                options: { token, subject: 'integration-test' },
              },
            ],
          },
        },
      }),
    );
    backend = spawn(
      process.execPath,
      [
        '--require',
        require.resolve('@backstage/cli/config/nodeTransform.cjs'),
        'packages/backend/src/index.ts',
        '--config',
        'app-config.yaml',
        '--config',
        'app-config.production.yaml',
        '--config',
        extraConfig,
      ],
      {
        cwd: repoRoot,
        env: {
          ...process.env,
          NODE_ENV: 'production',
          POSTGRES_HOST: postgres.host,
          POSTGRES_PORT: String(postgres.port),
          POSTGRES_USER: postgres.user,
          POSTGRES_PASSWORD: postgres.password,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    backend.stdout!.on('data', chunk => (log += chunk));
    backend.stderr!.on('data', chunk => (log += chunk));
  });

  afterAll(async () => {
    if (backend && backend.exitCode === null) {
      const exited = new Promise(resolve => backend!.once('exit', resolve));
      backend.kill('SIGTERM');
      // SIGKILL only if it has not stopped within 10 s; the timer is cleared
      // either way, since a pending one kept the jest worker alive after the
      // tests ("A worker process has failed to exit gracefully").
      const stubborn = setTimeout(() => backend?.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(stubborn);
    }
    await withAdminClient(async client => {
      const { rows } = await client.query(
        'SELECT datname FROM pg_database WHERE datname LIKE $1',
        [`${databasePrefix}%`],
      );
      for (const { datname } of rows) {
        await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
      }
    });
  }, 60_000);

  it('stores the catalog in PostgreSQL and serves it to an authenticated caller', async () => {
    const pingvasai = await waitFor(
      'the example service in the catalog',
      async () => {
        const response = await fetch(
          `${baseUrl}/api/catalog/entities/by-name/component/default/pingvasai`,
          { headers: { authorization: `Bearer ${token}` } },
        );
        return response.ok ? response.json() : undefined;
      },
      150_000,
    );
    expect(pingvasai.metadata.annotations['backstage.io/kubernetes-id']).toBe(
      'pingvasai',
    );

    const unauthenticated = await fetch(`${baseUrl}/api/catalog/entities`);
    expect(unauthenticated.status).toBe(401);

    const databases = await withAdminClient(async client =>
      (
        await client.query(
          'SELECT datname FROM pg_database WHERE datname LIKE $1',
          [`${databasePrefix}%`],
        )
      ).rows.map(row => row.datname),
    );
    expect(databases).toContain(`${databasePrefix}catalog`);

    const catalog = new Client({
      ...postgres,
      database: `${databasePrefix}catalog`,
    });
    await catalog.connect();
    const { rows } = await catalog
      .query('SELECT count(*) AS count FROM final_entities')
      .finally(() => catalog.end());
    expect(Number(rows[0].count)).toBeGreaterThan(5);
  }, 180_000);

  it('refuses guest sign-in', async () => {
    const response = await fetch(`${baseUrl}/api/auth/guest/refresh`, {
      headers: { 'x-requested-with': 'XMLHttpRequest' },
    });
    expect(response.status).toBe(403);
    expect(await response.text()).toMatch(
      /outside of a development environment/,
    );
  });
});
