import type { ParseArgsConfig } from 'node:util';

/** Where a command prints; the real process streams, or buffers in tests. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** The exit codes of docs/contract.md ("Interfaces"). */
export const ExitCode = {
  success: 0,
  /** Spec errors or findings: the input is wrong, the command worked. */
  failure: 1,
  usage: 2,
} as const;

/** What a command's parsed command line looks like. */
export interface CliArguments {
  /** Option values; arrays for options declared `multiple`. */
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
}

/** One subcommand of `worker-platform`, such as `render`. */
export interface CliCommand {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** The synopsis, e.g. `render --spec FILE --out DIR [--force]`. */
  usage: string;
  /** What `<command> --help` prints under the synopsis, e.g. what an option means. */
  help?: string;
  options: NonNullable<ParseArgsConfig['options']>;
  allowPositionals?: boolean;
  run(args: CliArguments, io: CliIo): Promise<number>;
}

/** A mistake in how the command was called; the CLI exits with 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
