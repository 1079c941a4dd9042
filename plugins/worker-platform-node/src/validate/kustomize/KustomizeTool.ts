import { execFile } from 'node:child_process';

/** The oldest tools whose `kustomize build` understands `labels`, `patches` and components. */
export const MINIMUM_KUSTOMIZE_MAJOR = 4;
/** kubectl embeds kustomize v4 from 1.21 on. */
export const MINIMUM_KUBECTL_MINOR = 21;

/**
 * The outcome of building one directory.
 *
 * @public
 */
export type KustomizeBuildResult =
  | { ok: true; output: string }
  | { ok: false; error: string };

/**
 * A way to run `kustomize build`, found on this machine.
 *
 * @public
 */
export interface KustomizeTool {
  /** How findings and logs name it, e.g. `kubectl 1.32 (kustomize v5.5.0)`. */
  description: string;
  build(directory: string): Promise<KustomizeBuildResult>;
}

/**
 * Why no usable tool was found.
 *
 * @public
 */
export interface KustomizeToolProblem {
  /** `missing` when neither command exists, `too-old` when the only ones are too old. */
  kind: 'missing' | 'too-old';
  message: string;
}

/**
 * Runs a command; resolves with its output, rejects with stderr on failure.
 *
 * @public
 */
export type CommandRunner = (
  command: string,
  args: string[],
  options?: { cwd?: string },
) => Promise<{ stdout: string; stderr: string }>;

/** Runs commands with `child_process.execFile`. */
export const execFileRunner: CommandRunner = (command, args, options) =>
  new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { cwd: options?.cwd, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) {
          reject(Object.assign(error, { stdout, stderr }));
        } else {
          resolve({ stdout, stderr });
        }
      },
    );
  });

/**
 * Finds a kustomize that is new enough: a standalone `kustomize` v4+ first,
 * else `kubectl kustomize` from kubectl 1.21+.
 *
 * @public
 */
export async function detectKustomizeTool(
  run: CommandRunner = execFileRunner,
): Promise<KustomizeTool | KustomizeToolProblem> {
  const tooOld: string[] = [];

  const standalone = await run('kustomize', ['version']).catch(() => undefined);
  if (standalone) {
    const version = parseKustomizeVersion(standalone.stdout);
    if (version && Number(version[1]) >= MINIMUM_KUSTOMIZE_MAJOR) {
      return commandTool(run, `kustomize ${version[0]}`, 'kustomize', [
        'build',
      ]);
    }
    tooOld.push(`kustomize ${version?.[0] ?? '(unknown version)'}`);
  }

  const kubectl = await run('kubectl', [
    'version',
    '--client',
    '-o',
    'json',
  ]).catch(() => undefined);
  if (kubectl) {
    const client = parseKubectlVersion(kubectl.stdout);
    if (client && client.minor >= MINIMUM_KUBECTL_MINOR) {
      const embedded = client.kustomize
        ? ` (kustomize ${client.kustomize})`
        : '';
      return commandTool(
        run,
        `kubectl 1.${client.minor}${embedded}`,
        'kubectl',
        ['kustomize'],
      );
    }
    tooOld.push(`kubectl 1.${client?.minor ?? '?'}`);
  }

  if (tooOld.length > 0) {
    return {
      kind: 'too-old',
      message: `found only ${tooOld.join(
        ' and ',
      )}; kustomize v${MINIMUM_KUSTOMIZE_MAJOR}+ or kubectl 1.${MINIMUM_KUBECTL_MINOR}+ is needed to build the overlays`,
    };
  }
  return {
    kind: 'missing',
    message:
      'neither kustomize nor kubectl is on PATH; overlays and Application paths were not built, so validation is incomplete',
  };
}

/** `kustomize version` output as [full, major, minor, patch], if it names one. */
export function parseKustomizeVersion(output: string) {
  return /v?(\d+)\.(\d+)\.(\d+)/.exec(output) ?? undefined;
}

/** The client minor version and embedded kustomize of `kubectl version --client -o json`. */
export function parseKubectlVersion(
  json: string,
): { minor: number; kustomize?: string } | undefined {
  try {
    const parsed = JSON.parse(json);
    const minor = Number.parseInt(String(parsed.clientVersion?.minor), 10);
    return Number.isNaN(minor)
      ? undefined
      : { minor, kustomize: parsed.kustomizeVersion };
  } catch {
    return undefined;
  }
}

function commandTool(
  run: CommandRunner,
  description: string,
  command: string,
  args: string[],
): KustomizeTool {
  return {
    description,
    async build(directory) {
      try {
        const { stdout } = await run(command, [...args, directory]);
        return { ok: true, output: stdout };
      } catch (error) {
        const stderr = (error as { stderr?: string }).stderr?.trim();
        return {
          ok: false,
          error: stderr ? withoutLogPrefix(stderr) : String(error),
        };
      }
    },
  };
}

/**
 * kubectl reports through its logger: `E1128 22:21:13.2 123 run.go:72]
 * "command failed" err="<the kustomize error>"`; keep the kustomize error.
 */
export function withoutLogPrefix(stderr: string): string {
  const logged =
    /^[EWIF]\d{4} [\d:.]+\s+\d+ \S+\] "command failed" err=("(?:[^"\\]|\\.)*")/m.exec(
      stderr,
    );
  if (!logged) return stderr;
  try {
    return JSON.parse(logged[1]);
  } catch {
    return stderr;
  }
}

/** Whether detection found a tool rather than a problem. */
export function isKustomizeTool(
  value: KustomizeTool | KustomizeToolProblem,
): value is KustomizeTool {
  return 'build' in value;
}
