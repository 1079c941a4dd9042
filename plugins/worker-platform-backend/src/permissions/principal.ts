import { BackstageCredentials } from '@backstage/backend-plugin-api';

/** Who a request came from, as audit events and ArgoCD's `initiatedBy` name it. */
export function describePrincipal(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    type: string;
    userEntityRef?: string;
    subject?: string;
  };
  if (principal.type === 'user') return principal.userEntityRef ?? 'user';
  if (principal.type === 'service') {
    return `service:${principal.subject ?? 'unknown'}`;
  }
  return principal.type;
}
