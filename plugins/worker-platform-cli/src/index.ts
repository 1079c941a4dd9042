export { runWorkerPlatformCli } from './runWorkerPlatformCli';
export { ExitCode, UsageError } from './CliCommand';
export type { CliArguments, CliCommand, CliIo } from './CliCommand';
