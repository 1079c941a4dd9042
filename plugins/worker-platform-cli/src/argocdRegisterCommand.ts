import {
  formatRegistrationReport,
  registerWithArgoCd,
  RegistrationResult,
} from '@worker-platform/plugin-worker-platform-common';
import {
  KubeconfigError,
  KubeconfigRegistrationClient,
  loadRegistrationObjects,
  readKubeconfig,
  RegistrationSourceError,
  StoredSpecError,
} from '@worker-platform/plugin-worker-platform-node';
import { CliCommand, ExitCode, UsageError } from './CliCommand';
import { repositoryDirectory } from './reRenderReport';
import {
  readSpecDefaultsOption,
  SPEC_DEFAULTS_HELP,
  specDefaultsOption,
} from './specDefaultsOption';

const SUCCESS: RegistrationResult[] = ['applied', 'unchanged', 'dry-run'];

/**
 * `worker-platform argocd register DIR --kubeconfig FILE [--context NAME]
 * [--namespace argocd] [--environment NAME] [--dry-run] [--defaults FILE]`:
 * builds the repository's `argocd/`, checks it against the guards, dry-runs
 * it with server-side apply and, unless `--dry-run`, applies it; prints the
 * per-object report. Exit 0 registered (or nothing to do), 1 refused,
 * conflicts or a cluster error, 2 usage errors.
 */
export const argocdRegisterCommand: CliCommand = {
  name: 'argocd',
  summary:
    "register a repository's AppProject and Applications with ArgoCD (server-side apply, dry run first)",
  usage:
    'argocd register DIR --kubeconfig FILE [--context NAME] [--namespace argocd] [--environment NAME] [--dry-run] [--defaults FILE]',
  help: SPEC_DEFAULTS_HELP,
  options: {
    kubeconfig: { type: 'string' },
    context: { type: 'string' },
    namespace: { type: 'string', default: 'argocd' },
    environment: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    ...specDefaultsOption,
  },
  allowPositionals: true,
  async run({ values, positionals }, io) {
    const [subcommand, ...rest] = positionals;
    if (subcommand !== 'register') {
      throw new UsageError(
        subcommand
          ? `unknown subcommand "${subcommand}"; the only one is register`
          : 'a subcommand is required: register',
      );
    }
    const dir = await repositoryDirectory(rest);
    if (typeof values.kubeconfig !== 'string') {
      throw new UsageError('--kubeconfig FILE is required');
    }
    const specDefaults = await readSpecDefaultsOption(values.defaults);
    const namespace = String(values.namespace);
    if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(namespace)) {
      throw new UsageError(`--namespace: ${namespace} is not a namespace name`);
    }
    let connection;
    try {
      connection = await readKubeconfig(
        values.kubeconfig,
        typeof values.context === 'string' ? values.context : undefined,
      );
    } catch (error) {
      if (error instanceof KubeconfigError) throw new UsageError(error.message);
      throw error;
    }
    let source;
    try {
      source = await loadRegistrationObjects(dir, {
        specDefaults,
        environment:
          typeof values.environment === 'string'
            ? values.environment
            : undefined,
      });
    } catch (error) {
      if (
        error instanceof RegistrationSourceError ||
        error instanceof StoredSpecError
      ) {
        io.stderr(`worker-platform argocd register: ${error.message}\n`);
        return ExitCode.failure;
      }
      throw error;
    }
    const report = await registerWithArgoCd({
      target: {
        service: source.service,
        cluster: connection.cluster,
        namespace,
      },
      objects: source.objects,
      client: new KubeconfigRegistrationClient(connection),
      dryRun: values['dry-run'] === true,
    });
    const text = formatRegistrationReport(report);
    if (SUCCESS.includes(report.result)) {
      io.stdout(text);
      return ExitCode.success;
    }
    io.stderr(text);
    return ExitCode.failure;
  },
};
