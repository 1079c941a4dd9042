import { changedFields } from './changedFields';
import { guardRegistration } from './guardRegistration';
import { registrationFieldManager } from './notificationKeys';
import {
  ApplyAnswer,
  RegistrationClusterClient,
  RegistrationObject,
  RegistrationObjectReport,
  RegistrationReport,
  RegistrationTarget,
} from './types';

/**
 * Options of {@link registerWithArgoCd}.
 *
 * @public
 */
export interface RegisterWithArgoCdOptions {
  target: RegistrationTarget;
  objects: readonly RegistrationObject[];
  client: RegistrationClusterClient;
  /** Stop after the server-side dry run. */
  dryRun?: boolean;
}

const line = (object: RegistrationObject) => ({
  kind: object.kind,
  namespace: object.metadata.namespace,
  name: object.metadata.name,
});

/**
 * Registers a service's ArgoCD objects: the guards first (a refusal sends
 * nothing), then a server-side dry run of every object, reported as created,
 * changed (with the fields), unchanged or conflict; only when the dry run
 * found no conflict and no error, and `dryRun` is off, the created and
 * changed objects are applied. Running it again reports all unchanged.
 * Each object is applied under `registrationFieldManager`'s manager; the
 * report lists the keys of `argocd-notifications-cm` left out.
 *
 * @public
 */
export async function registerWithArgoCd(
  options: RegisterWithArgoCdOptions,
): Promise<RegistrationReport> {
  const { target, client } = options;
  const dryRun = options.dryRun ?? false;
  const base = {
    service: target.service,
    cluster: target.cluster,
    namespace: target.namespace,
    dryRun,
  };
  const guarded = guardRegistration(options.objects, target);
  if (guarded.refused.length > 0) {
    const refusedNames = new Set(
      guarded.refused.map(r => `${r.kind}/${r.name}`),
    );
    return {
      ...base,
      result: 'refused',
      objects: [
        ...guarded.refused,
        ...guarded.objects
          .filter(o => !refusedNames.has(`${o.kind}/${o.metadata.name}`))
          .map(o => ({
            ...line(o),
            outcome: 'refused' as const,
            message:
              'not sent: other objects of this registration were refused',
          })),
      ],
    };
  }

  const lineOf = (object: RegistrationObject) => {
    const keys = guarded.leftOut.find(
      l => l.kind === object.kind && l.name === object.metadata.name,
    )?.keys;
    return keys ? { ...line(object), leftOut: keys } : line(object);
  };
  const applyOptions = (object: RegistrationObject, dryRunOnly: boolean) => ({
    dryRun: dryRunOnly,
    fieldManager: registrationFieldManager(object, target.service),
  });

  const planned: Array<{
    object: RegistrationObject;
    report: RegistrationObjectReport;
  }> = [];
  for (const object of guarded.objects) {
    let live: Record<string, unknown> | undefined;
    let answer: ApplyAnswer;
    try {
      live = await client.get(object);
      answer = await client.apply(object, applyOptions(object, true));
    } catch (error) {
      answer = { type: 'failed', message: (error as Error).message };
    }
    if (answer.type !== 'applied') {
      planned.push({
        object,
        report: {
          ...lineOf(object),
          outcome: answer.type === 'conflict' ? 'conflict' : 'failed',
          message: answer.message,
        },
      });
      continue;
    }
    if (!live) {
      planned.push({
        object,
        report: { ...lineOf(object), outcome: 'created' },
      });
      continue;
    }
    const fields = changedFields(live, answer.object);
    planned.push({
      object,
      report:
        fields.length === 0
          ? { ...lineOf(object), outcome: 'unchanged' }
          : { ...lineOf(object), outcome: 'changed', changedFields: fields },
    });
  }

  const reports = planned.map(p => p.report);
  if (reports.some(r => r.outcome === 'failed')) {
    return { ...base, result: 'failed', objects: reports };
  }
  if (reports.some(r => r.outcome === 'conflict')) {
    return { ...base, result: 'conflict', objects: reports };
  }
  const toApply = planned.filter(
    p => p.report.outcome === 'created' || p.report.outcome === 'changed',
  );
  if (dryRun) return { ...base, result: 'dry-run', objects: reports };
  if (toApply.length === 0) {
    return { ...base, result: 'unchanged', objects: reports };
  }
  for (const { object, report } of toApply) {
    const answer = await client.apply(object, applyOptions(object, false));
    if (answer.type !== 'applied') {
      report.outcome = answer.type === 'conflict' ? 'conflict' : 'failed';
      report.message = answer.message;
      return { ...base, result: 'failed', objects: reports };
    }
  }
  return { ...base, result: 'applied', objects: reports };
}
