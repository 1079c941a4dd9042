import path from 'node:path';
import { Finding } from '../types';
import { describeObject, podContainers } from '../repository/objects';
import { RepositorySnapshot } from '../repository/RepositorySnapshot';
import { findingOf, ValidationRule } from '../ValidationRule';

interface ImageEntry {
  name?: string;
  newName?: string;
  newTag?: string;
}

/**
 * The kustomization whose `images:` entry gave an image its tag: one of the
 * overlay's components (applied first) or the overlay itself.
 */
function entrySource(
  repo: RepositorySnapshot,
  overlay: string,
  image: string,
): { file: string; line?: number } | undefined {
  const name = image.split('@')[0].replace(/:[^:/]*$/, '');
  const value = (file: string) =>
    repo.yaml(file).documents[0]?.value as
      | { components?: unknown; images?: unknown }
      | undefined;
  const components = value(overlay)?.components;
  const files = [
    ...(Array.isArray(components) ? components : [])
      .filter((c): c is string => typeof c === 'string')
      .map(c =>
        path.posix.join(path.posix.dirname(overlay), c, 'kustomization.yaml'),
      )
      .filter(file => repo.paths().includes(file)),
    overlay,
  ];
  for (const file of files) {
    const images = value(file)?.images;
    const index = (
      Array.isArray(images) ? (images as ImageEntry[]) : []
    ).findIndex(entry => (entry?.newName ?? entry?.name) === name);
    if (index >= 0) {
      return {
        file,
        line: repo.yaml(file).documents[0]?.lineOf(['images', index]),
      };
    }
  }
  return undefined;
}

/** The tag of an image reference, or undefined when it has none. */
function tagOf(image: string): string | undefined {
  const withoutDigest = image.split('@')[0];
  const colon = withoutDigest.lastIndexOf(':');
  return colon > withoutDigest.lastIndexOf('/')
    ? withoutDigest.slice(colon + 1)
    : undefined;
}

/** Every deployed container names a build: a digest, or a tag other than `latest`. */
export const imageTagsRule: ValidationRule = {
  id: 'cross-file/image-tags',
  family: 'cross-file',
  why: 'Nothing pushes `latest` here, so a first sync on it fails with ImagePullBackOff (and the migration hook with it); and where it exists it names a different build on every node that pulls it.',
  async check(context) {
    const findings: Finding[] = [];
    for (const unit of await context.units()) {
      // Read from files, images are not rewritten yet: only a build tells.
      if (unit.via !== 'kustomize') continue;
      for (const object of unit.objects) {
        for (const { path: at, container } of podContainers(object)) {
          const image = container.image;
          if (typeof image !== 'string' || image.includes('@')) continue;
          const tag = tagOf(image);
          if (tag !== undefined && tag !== 'latest') continue;
          findings.push(
            findingOf(
              imageTagsRule,
              (unit.kustomization
                ? entrySource(context.repo, unit.kustomization, image)
                : undefined) ?? context.locate(object, [...at, 'image'], unit),
              `${describeObject(object)} runs ${image}, ${
                tag ? 'tagged latest' : 'with no tag'
              }; pin a digest or a tag CI pushes`,
            ),
          );
        }
      }
    }
    return findings;
  },
};
