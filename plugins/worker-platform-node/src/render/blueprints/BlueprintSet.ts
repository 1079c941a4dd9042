import fs from 'fs';
import path from 'path';
import nunjucks from 'nunjucks';
import type { EnvironmentModel, PoolModel, RenderModel } from '../model/types';
import { blueprintConditions } from './conditions';
import { createBlueprintEnvironment } from './environment';

/** Blueprint files end in this suffix, so editors and linters leave them alone. */
const BLUEPRINT_SUFFIX = '.njk';
/** Directories of included fragments, never rendered on their own. */
const PARTIALS_DIR = '_partials';

/**
 * A path segment starting with this becomes a dot-file or dot-directory
 * (`__dot__github` → `.github`): package managers drop `.github` from the
 * tarballs they publish, so the blueprints cannot carry it under its name.
 */
const DOT_PREFIX = '__dot__';

/** Path segments a blueprint is repeated over. */
const PLACEHOLDERS = {
  env: '__env__',
  pool: '__pool__',
  poolModule: '__pool_module__',
};

interface CompiledBlueprint {
  /** Path under the blueprint directory, e.g. `k8s/base/worker-ns/__pool__-deployment.yaml.njk`. */
  source: string;
  template: nunjucks.Template;
  perEnvironment: boolean;
  perPool: boolean;
}

/** The variables a blueprint sees: the model plus the current environment and pool. */
export type BlueprintContext = RenderModel & {
  env?: EnvironmentModel;
  pool?: PoolModel;
};

/**
 * The blueprints of a directory, compiled once. Rendering expands each
 * blueprint over the environments and pools its path names, skips those
 * whose condition is false, and returns raw output by generated path.
 */
export class BlueprintSet {
  static load(blueprintDir: string): BlueprintSet {
    const env = createBlueprintEnvironment(blueprintDir);
    const blueprints = listFiles(blueprintDir)
      .filter(file => file.endsWith(BLUEPRINT_SUFFIX))
      .filter(file => !file.split('/').includes(PARTIALS_DIR))
      .map(source => ({
        source,
        template: env.getTemplate(source, true),
        perEnvironment: source.includes(PLACEHOLDERS.env),
        perPool:
          source.includes(PLACEHOLDERS.pool) ||
          source.includes(PLACEHOLDERS.poolModule),
      }));
    return new BlueprintSet(blueprints);
  }

  private constructor(private readonly blueprints: CompiledBlueprint[]) {}

  render(model: RenderModel): Map<string, string> {
    const output = new Map<string, string>();
    for (const blueprint of this.blueprints) {
      const condition = blueprintConditions[blueprint.source];
      if (condition && !condition(model)) continue;
      const environments = blueprint.perEnvironment
        ? model.environments
        : [undefined];
      for (const env of environments) {
        const pools = blueprint.perPool
          ? env?.pools ?? model.pools
          : [undefined];
        for (const pool of pools) {
          const target = outputPath(blueprint.source, env, pool);
          output.set(target, renderOne(blueprint, { ...model, env, pool }));
        }
      }
    }
    return output;
  }
}

function renderOne(blueprint: CompiledBlueprint, context: BlueprintContext) {
  try {
    return blueprint.template.render(context);
  } catch (error) {
    throw new Error(
      `blueprint ${blueprint.source} failed: ${(error as Error).message}`,
    );
  }
}

function outputPath(
  source: string,
  env: EnvironmentModel | undefined,
  pool: PoolModel | undefined,
): string {
  let target = source
    .slice(0, -BLUEPRINT_SUFFIX.length)
    .split('/')
    .map(segment =>
      segment.startsWith(DOT_PREFIX)
        ? `.${segment.slice(DOT_PREFIX.length)}`
        : segment,
    )
    .join('/');
  if (env) target = target.split(PLACEHOLDERS.env).join(env.name);
  if (pool) {
    target = target
      .split(PLACEHOLDERS.poolModule)
      .join(pool.module)
      .split(PLACEHOLDERS.pool)
      .join(pool.name);
  }
  return target;
}

function listFiles(root: string, dir = ''): string[] {
  return fs
    .readdirSync(path.join(root, dir), { withFileTypes: true })
    .flatMap(entry => {
      const relative = dir ? `${dir}/${entry.name}` : entry.name;
      return entry.isDirectory() ? listFiles(root, relative) : [relative];
    })
    .sort();
}
