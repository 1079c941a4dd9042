import { execFile } from 'node:child_process';
import path from 'node:path';
import { runWorkerPlatformCli } from '../runWorkerPlatformCli';

/** What one CLI run printed, and its exit code. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in this process, collecting what it prints. */
export async function runCliInProcess(args: string[]): Promise<CliRun> {
  const out = { stdout: '', stderr: '' };
  const code = await runWorkerPlatformCli(args, {
    stdout: text => {
      out.stdout += text;
    },
    stderr: text => {
      out.stderr += text;
    },
  });
  return { code, ...out };
}

/** The package's `bin/worker-platform`, as a user's shell runs it. */
export const binPath = path.resolve(__dirname, '../../bin/worker-platform');

/** Runs `bin/worker-platform` as a child process in `cwd`. */
export function runCliBinary(args: string[], cwd: string): Promise<CliRun> {
  return new Promise(resolve => {
    execFile(
      process.execPath,
      [binPath, ...args],
      { cwd },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
      },
    );
  });
}
