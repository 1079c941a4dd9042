import fs from 'fs';
import path from 'path';
import {
  parseSpec,
  validateSpec,
  WorkerPlatformSpec,
} from '@worker-platform/plugin-worker-platform-common';

/** The seed guide's service, from examples/specs. */
export function seedSpec(): WorkerPlatformSpec {
  const text = fs.readFileSync(
    path.resolve(__dirname, '../../examples/specs/pingvasai.yaml'),
    'utf8',
  );
  return orThrow(parseSpec(text));
}

/** A large service: `pools` GPU and CPU pools of 3 queues, `environments` environments with overrides. */
export function generatedSpec(
  pools: number,
  environments: number,
): WorkerPlatformSpec {
  const poolNames = Array.from({ length: pools }, (_, i) => `pool${i}`);
  return orThrow(
    validateSpec({
      apiVersion: 'worker-platform.io/v1alpha1',
      kind: 'WorkerPlatform',
      metadata: { name: 'bench', description: 'Generated for bench/render' },
      spec: {
        workers: poolNames.map((name, i) => ({
          name,
          gpu: i % 3 === 0 ? 1 : 0,
          systemPackages: i % 2 ? ['ffmpeg'] : [],
          nodeSelector: { 'node.kubernetes.io/instance-type': `g5.${i}xlarge` },
          queues: ['high', 'normal', 'low'].map((tier, j) => ({
            name: `${name}-${tier}`,
            targetLength: (j + 1) * 5,
          })),
        })),
        environments: Array.from({ length: environments }, (_, i) => ({
          name: i === environments - 1 ? 'production' : `env${i}`,
          overrides: {
            api: { replicas: i + 1 },
            workers: { [poolNames[i % pools]]: { scaling: { max: 10 + i } } },
            config: { FEATURE_FLAG: `flag-${i}` },
          },
        })),
      },
    }),
  );
}

function orThrow(result: ReturnType<typeof validateSpec>): WorkerPlatformSpec {
  if (!result.ok) {
    throw new Error(
      result.errors.map(e => `${e.path}: ${e.message}`).join('\n'),
    );
  }
  return result.spec;
}
