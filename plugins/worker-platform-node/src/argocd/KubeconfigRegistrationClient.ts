import http from 'node:http';
import https from 'node:https';
import {
  ApplyAnswer,
  RegistrationClusterClient,
  RegistrationObject,
} from '@worker-platform/plugin-worker-platform-common';
import { ClusterConnection } from './kubeconfig';

const APPLY_CONTENT_TYPE = 'application/apply-patch+yaml';

interface Answer {
  status: number;
  body: any;
}

/**
 * The API path of one object: `/apis/<group>/<version>/namespaces/<ns>/<plural>/<name>`, `/api/v1/…` for the core group.
 *
 * @public
 */
export function objectPath(object: RegistrationObject): string {
  const prefix = object.apiVersion.includes('/')
    ? `/apis/${object.apiVersion}`
    : `/api/${object.apiVersion}`;
  return `${prefix}/namespaces/${encodeURIComponent(
    object.metadata.namespace ?? '',
  )}/${object.kind.toLowerCase()}s/${encodeURIComponent(object.metadata.name)}`;
}

/**
 * `RegistrationClusterClient` over plain HTTPS (HTTP for a local
 * test server) with a kubeconfig context's credentials: what the CLI uses,
 * so it needs nothing installed beyond Node.js.
 *
 * @public
 */
export class KubeconfigRegistrationClient implements RegistrationClusterClient {
  constructor(private readonly connection: ClusterConnection) {}

  async get(
    object: RegistrationObject,
  ): Promise<Record<string, unknown> | undefined> {
    const answer = await this.request('GET', objectPath(object));
    if (answer.status === 404) return undefined;
    if (answer.status !== 200) throw new Error(describe(answer));
    return answer.body;
  }

  async apply(
    object: RegistrationObject,
    options: { dryRun: boolean; fieldManager: string },
  ): Promise<ApplyAnswer> {
    const query = new URLSearchParams({
      fieldManager: options.fieldManager,
      force: 'false',
    });
    if (options.dryRun) query.set('dryRun', 'All');
    let answer: Answer;
    try {
      answer = await this.request(
        'PATCH',
        `${objectPath(object)}?${query}`,
        JSON.stringify(object),
      );
    } catch (error) {
      return { type: 'failed', message: (error as Error).message };
    }
    if (answer.status === 200 || answer.status === 201) {
      return { type: 'applied', object: answer.body };
    }
    return {
      type: answer.status === 409 ? 'conflict' : 'failed',
      message: describe(answer),
    };
  }

  private request(
    method: string,
    pathAndQuery: string,
    body?: string,
  ): Promise<Answer> {
    const c = this.connection;
    const url = new URL(`${c.server}${pathAndQuery}`);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (c.token) headers.authorization = `Bearer ${c.token}`;
    if (body !== undefined) headers['content-type'] = APPLY_CONTENT_TYPE;
    const send = url.protocol === 'http:' ? http.request : https.request;
    return new Promise((resolve, reject) => {
      const req = send(
        url,
        {
          method,
          headers,
          ca: c.ca,
          cert: c.clientCertificate,
          key: c.clientKey,
          rejectUnauthorized: !c.insecureSkipTlsVerify,
          timeout: 30_000,
        },
        res => {
          const chunks: Buffer[] = [];
          res.on('data', chunk => chunks.push(chunk));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed: unknown = text;
            try {
              parsed = JSON.parse(text);
            } catch {
              // not JSON: keep the text for the message
            }
            resolve({ status: res.statusCode ?? 0, body: parsed });
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error('timed out')));
      req.on('error', error => {
        const code = (error as NodeJS.ErrnoException).code;
        reject(
          new Error(
            `cannot reach the API server ${c.server} (${
              code ?? error.message
            })`,
          ),
        );
      });
      req.end(body);
    });
  }
}

function describe(answer: Answer): string {
  const message = answer.body?.message;
  return typeof message === 'string'
    ? message
    : `the API server answered HTTP ${answer.status}`;
}
