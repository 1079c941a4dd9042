import { promises as fs } from 'node:fs';
import path from 'node:path';
import { validateSpec } from '@worker-platform/plugin-worker-platform-common';
import { parse, parseAllDocuments, stringify } from 'yaml';
import {
  BOOTSTRAP_IMAGE_TAG,
  imagesComponentPath,
} from '../render/ciOwnedFiles';
import { findKustomize } from '../render/kustomizeBuild';
import { Finding } from '../validate/types';
import { validateRepository } from '../validate/validateRepository';
import { reRenderRepository } from './reRenderRepository';
import {
  addEnvironmentToRepository,
  upgradeRepository,
} from './repositoryLifecycle';
import { readStoredSpec } from './storedSpec';
import {
  loadExampleSpec,
  renderToTempDir,
} from './__testUtils__/testRepositories';

// The round trip the CI/CD flow puts a repository through: CI pins digests
// into the images components, then a platform engineer re-renders.

const noBuilds = async (files: Map<string, string>): Promise<Finding[]> =>
  validateRepository(files, { build: false });

interface ImageEntry {
  name: string;
  newName?: string;
  newTag?: string;
  digest?: string;
}

/** What `kustomize edit set image <name>=<ref>` does to a kustomization. */
function setImage(text: string, name: string, ref: string): string {
  const doc = parse(text) as { images?: ImageEntry[] };
  const [withoutDigest, digest] = ref.split('@');
  const tagAt = withoutDigest.lastIndexOf(':');
  const hasTag = tagAt > withoutDigest.lastIndexOf('/');
  const entry: ImageEntry = {
    name,
    newName: hasTag ? withoutDigest.slice(0, tagAt) : withoutDigest,
    ...(hasTag ? { newTag: withoutDigest.slice(tagAt + 1) } : {}),
    ...(digest ? { digest } : {}),
  };
  const images = doc.images ?? [];
  const index = images.findIndex(image => image.name === name);
  if (index >= 0) images[index] = entry;
  else images.push(entry);
  return stringify({ ...doc, images });
}

function fakeDigest(seed: string): string {
  return `sha256:${seed.repeat(64).slice(0, 64)}`;
}

async function read(dir: string, file: string) {
  return fs.readFile(path.join(dir, file), 'utf8');
}

async function write(dir: string, file: string, content: string) {
  await fs.writeFile(path.join(dir, file), content);
}

const registry = '123456789012.dkr.ecr.us-east-1.amazonaws.com';

describe('CI-owned image pins across re-renders', () => {
  let dir: string;
  const images = ['pingvasai-api', 'pingvasai-gpu-worker'];

  beforeAll(async () => {
    dir = await renderToTempDir(await loadExampleSpec('pingvasai'));
    const environments = ['development', 'staging', 'production'];
    // Three builds: each is deployed to development (ci.yml's deploy job)
    // and promoted on to staging and production (promote.yml).
    for (const build of ['1', '2', '3']) {
      for (const environment of environments) {
        const file = imagesComponentPath(environment);
        let text = await read(dir, file);
        for (const image of images) {
          text = setImage(
            text,
            image,
            `${registry}/${image}:commit${build}@${fakeDigest(build)}`,
          );
        }
        await write(dir, file, text);
      }
    }
  });
  afterAll(() => fs.rm(path.dirname(dir), { recursive: true, force: true }));

  it('are left as CI wrote them by upgrade, with no conflict', async () => {
    const before = await read(dir, imagesComponentPath('production'));
    const { summary } = await upgradeRepository(dir, { validate: noBuilds });
    expect(summary.conflicts).toEqual([]);
    expect(summary.ciOwned).toEqual([
      imagesComponentPath('development'),
      imagesComponentPath('production'),
      imagesComponentPath('staging'),
    ]);
    expect(await read(dir, imagesComponentPath('production'))).toBe(before);
  });

  it('are left as CI wrote them by env add, and the new environment starts on the pins of the one before it', async () => {
    const production = await read(dir, imagesComponentPath('production'));
    const { summary } = await addEnvironmentToRepository(
      dir,
      { name: 'perf', copyFrom: 'staging' },
      { validate: noBuilds },
    );
    expect(summary.conflicts).toEqual([]);
    expect(summary.added).toContain(imagesComponentPath('perf'));
    expect(await read(dir, imagesComponentPath('production'))).toBe(production);
    expect(await read(dir, imagesComponentPath('perf'))).toBe(production);
  });

  it('keep their pins when a pool is added, and the new pool runs the bootstrap tag from the registry', async () => {
    const spec = await readStoredSpec(dir);
    const gpu = spec.spec.workers.find(pool => pool.name === 'gpu')!;
    const withPool = validateSpec({
      ...spec,
      spec: {
        ...spec.spec,
        workers: [
          ...spec.spec.workers,
          {
            ...gpu,
            name: 'video',
            queues: [{ name: 'video', targetLength: 1 }],
          },
        ],
      },
    });
    if (!withPool.ok) throw new Error('the spec with a video pool is invalid');
    const staging = await read(dir, imagesComponentPath('staging'));
    const { summary } = await reRenderRepository(dir, withPool.spec, {
      validate: noBuilds,
    });
    expect(summary.conflicts).toEqual([]);
    expect(await read(dir, imagesComponentPath('staging'))).toBe(staging);

    const tool = findKustomize();
    if (!tool) {
      // eslint-disable-next-line no-console
      console.warn('SKIPPED: no kustomize; the built images are not checked');
      return;
    }
    const built = parseAllDocuments(
      tool.build(path.join(dir, 'k8s/overlays/staging/worker-ns')),
    ).map(doc => doc.toJSON());
    const containerImages = built
      .filter(object => object?.kind === 'Deployment')
      .flatMap(object =>
        object.spec.template.spec.containers.map(
          (c: { image: string }) => c.image,
        ),
      );
    expect(containerImages).toContain(
      `${registry}/pingvasai-gpu-worker:commit3@${fakeDigest('3')}`,
    );
    expect(containerImages).toContain(
      `${registry}/pingvasai-video-worker:${BOOTSTRAP_IMAGE_TAG}`,
    );
  });
});
