import {
  registerWithArgoCd,
  RegistrationClusterClient,
} from '@worker-platform/plugin-worker-platform-common';
import {
  ArgoCdRegistrationCall,
  ArgoCdRegistrationCaller,
} from '../argocdRegistrationClient';

/**
 * A caller that registers as the backend would (guards, dry run, apply)
 * into an in-memory ArgoCD namespace `argocd`, recording each call.
 */
export function fakeArgoCdRegistrations(): ArgoCdRegistrationCaller & {
  calls: Omit<ArgoCdRegistrationCall, 'credentials'>[];
  stored: Map<string, Record<string, unknown>>;
} {
  const calls: Omit<ArgoCdRegistrationCall, 'credentials'>[] = [];
  const stored = new Map<string, Record<string, unknown>>();
  const client: RegistrationClusterClient = {
    async get(object) {
      return stored.get(`${object.kind}/${object.metadata.name}`);
    },
    async apply(object, { dryRun }) {
      if (!dryRun) stored.set(`${object.kind}/${object.metadata.name}`, object);
      return { type: 'applied', object };
    },
  };
  return {
    calls,
    stored,
    async register({ credentials: _credentials, ...call }) {
      calls.push(call);
      return registerWithArgoCd({
        target: {
          service: call.entityRef.split('/').pop()!,
          cluster: call.cluster ?? 'prod-eu',
          namespace: 'argocd',
        },
        objects: call.objects,
        client,
        dryRun: call.dryRun,
      });
    },
  };
}
