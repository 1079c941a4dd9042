import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  formatRegistrationReport,
  RegistrationReport,
  SpecDefaults,
} from '@worker-platform/plugin-worker-platform-common';
import {
  loadRegistrationObjects,
  RegistrationSourceError,
  StoredSpecError,
} from '@worker-platform/plugin-worker-platform-node';
import { ArgoCdRegistrationCaller } from './argocdRegistrationClient';
import { examples } from './argocdRegister.examples';
import { resolveWorkspacePath } from './workspacePath';

/**
 * Options of {@link createArgoCdRegisterAction}.
 *
 * @public
 */
export interface ArgoCdRegisterActionOptions {
  /** How registrations reach the worker-platform backend. */
  registrations: ArgoCdRegistrationCaller;
  /**
   * The organisation's values for the fields a spec may leave out
   * (`workerPlatform.defaults`); for a stored spec a value was removed from by hand; none by default.
   */
  specDefaults?: SpecDefaults;
}

/**
 * Creates the `worker-platform:argocd:register` action: builds the
 * repository's `argocd/` in the workspace and registers it (or one
 * environment's Applications and the AppProject) with the ArgoCD of an
 * allowed cluster, through the worker-platform backend as the task's
 * initiator: guards, a server-side dry run, then the apply. A dry run of the
 * template asks for the server-side dry run only.
 *
 * @public
 */
export function createArgoCdRegisterAction(
  options: ArgoCdRegisterActionOptions,
) {
  return createTemplateAction({
    id: 'worker-platform:argocd:register',
    description:
      "Registers a rendered repository's ArgoCD AppProject and Applications (or one environment's) with a cluster's ArgoCD by server-side apply, after a dry run; outputs the per-object report.",
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        targetPath: z =>
          z
            .string()
            .optional()
            .describe(
              'The repository inside the workspace; the workspace itself by default',
            ),
        cluster: z =>
          z
            .string()
            .optional()
            .describe(
              'A cluster listed in workerPlatform.argocd.registration.clusters; the only one listed by default',
            ),
        environment: z =>
          z
            .string()
            .optional()
            .describe(
              "Only this environment's Applications (and the AppProject); all by default",
            ),
        entityRef: z =>
          z
            .string()
            .optional()
            .describe(
              'The service; component:default/<service name> by default',
            ),
      },
      output: {
        result: z =>
          z
            .enum(['applied', 'unchanged', 'dry-run'])
            .describe('applied, unchanged (nothing to do) or dry-run'),
        objects: z =>
          z
            .array(
              z.object({
                kind: z.string(),
                namespace: z.string().optional(),
                name: z.string(),
                outcome: z.string(),
                changedFields: z.array(z.string()).optional(),
                message: z.string().optional(),
                leftOut: z.array(z.string()).optional(),
              }),
            )
            .describe(
              "Per object: created, changed (with changedFields) or unchanged; for argocd-notifications-cm, the instance's keys leftOut (never sent)",
            ),
        applications: z =>
          z.array(z.string()).describe('The Applications registered'),
      },
    },
    async handler(ctx) {
      const dir = resolveWorkspacePath(
        ctx.workspacePath,
        ctx.input.targetPath,
        'targetPath',
      );
      let source;
      try {
        source = await loadRegistrationObjects(dir, {
          environment: ctx.input.environment,
          specDefaults: options.specDefaults,
        });
      } catch (error) {
        if (
          !(error instanceof RegistrationSourceError) &&
          !(error instanceof StoredSpecError)
        ) {
          throw error;
        }
        // Earlier steps of a template dry run (render, environment:add)
        // write nothing, so there may be nothing to register yet.
        if (ctx.isDryRun) {
          ctx.logger.info(
            `Dry run: nothing to register, the repository is not in the workspace (${error.message})`,
          );
          ctx.output('result', 'dry-run');
          ctx.output('objects', []);
          ctx.output('applications', []);
          return;
        }
        throw new InputError(error.message);
      }
      const entityRef =
        ctx.input.entityRef ?? `component:default/${source.service}`;
      const dryRun = Boolean(ctx.isDryRun);
      const call = async (): Promise<RegistrationReport> =>
        options.registrations.register({
          entityRef,
          cluster: ctx.input.cluster || undefined,
          objects: source.objects,
          dryRun,
          credentials: await ctx.getInitiatorCredentials(),
        });
      // The report is plain JSON, which is what a checkpoint stores.
      const report: RegistrationReport = dryRun
        ? await call()
        : ((await ctx.checkpoint({
            key: `worker-platform-argocd-register-${entityRef}-${
              ctx.input.cluster || 'default'
            }-${ctx.input.environment ?? 'all'}`,
            fn: async () => (await call()) as any,
          })) as RegistrationReport);
      for (const line of formatRegistrationReport(report)
        .trimEnd()
        .split('\n')) {
        ctx.logger.info(line);
      }
      if (report.result === 'refused') {
        throw new InputError(
          `ArgoCD registration refused, nothing sent: ${report.objects
            .filter(o => o.message && !o.message.startsWith('not sent'))
            .map(o => `${o.kind} ${o.name}: ${o.message}`)
            .join('; ')}`,
        );
      }
      if (report.result === 'conflict' || report.result === 'failed') {
        throw new Error(
          `ArgoCD registration ${
            report.result === 'conflict'
              ? 'found conflicts in the dry run; nothing applied'
              : 'failed'
          }: ${report.objects
            .filter(o => o.outcome === 'conflict' || o.outcome === 'failed')
            .map(o => `${o.kind} ${o.name}: ${o.message}`)
            .join('; ')}`,
        );
      }
      ctx.output('result', report.result);
      ctx.output('objects', report.objects);
      ctx.output(
        'applications',
        report.objects.filter(o => o.kind === 'Application').map(o => o.name),
      );
    },
  });
}
