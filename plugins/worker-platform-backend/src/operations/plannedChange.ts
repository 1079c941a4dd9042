import { ObjectPatchType } from './ClusterObjectClient';

/** What an operation will change on its target, decided from the live object. */
export interface PlannedChange {
  /** The patch to send; absent when the object already is as asked. */
  patch?: { type: ObjectPatchType; body: unknown };
  /** What happens, in a sentence for people. */
  message: string;
  autoSyncDisabled?: boolean;
}

/** Who asked, as ArgoCD's `operation.initiatedBy.username` and audit events name them. */
export interface OperationActor {
  /** `user:default/jane` or the service's subject. */
  name: string;
}

/** JSON pointer escaping (RFC 6901) of one path token. */
export function pointerToken(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}
