import { WatchedResource, resourceName } from './resources';

const STATUS_HINTS: Record<number, string> = {
  401: 'check the service account token',
  403: 'the service account may not list or watch it',
  404: 'is its CRD installed?',
};

/**
 * Says why a request to a cluster failed, for users: HTTP status or network
 * error code only, never the URL, token or response body (which may echo
 * either).
 */
export function describeError(
  error: unknown,
  resource?: WatchedResource,
): string {
  const subject = resource ? `${resourceName(resource)}: ` : '';
  const err = error as {
    statusCode?: unknown;
    code?: unknown;
    name?: unknown;
    cause?: { code?: unknown };
  };
  // Checked first: a DOMException's numeric `code` is not an HTTP status.
  if (err?.name === 'TimeoutError') {
    return `${subject}the API server did not answer in time`;
  }
  const status =
    typeof err?.statusCode === 'number' ? err.statusCode : err?.code;
  if (typeof status === 'number') {
    const hint = STATUS_HINTS[status];
    return `${subject}the API server answered HTTP ${status}${
      hint ? ` (${hint})` : ''
    }`;
  }
  const networkCode = err?.cause?.code ?? err?.code;
  if (typeof networkCode === 'string' && /^[A-Z_]+$/.test(networkCode)) {
    return `${subject}cannot reach the API server (${networkCode})`;
  }
  return `${subject}the request failed (see the backend log)`;
}
