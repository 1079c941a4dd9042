/**
 * Files of a rendered repository that CI owns after the first render.
 *
 * CI pins every image an environment runs to a digest, and writes those
 * pins into one kustomize Component per environment
 * (`k8s/overlays/<env>/images/kustomization.yaml`). The renderer creates
 * that file once, with every image on {@link BOOTSTRAP_IMAGE_TAG}, and never
 * rewrites it: a re-render (`upgrade`, `env add`) leaves it as CI wrote it.
 * Everything the renderer does own (the overlays' `kustomization.yaml`,
 * which map each image to its registry) stays untouched by CI, so the two
 * never edit the same file and a re-render reports no conflicts.
 */

/**
 * The tag every image of a fresh environment starts on. The first CI build
 * pushes each image under it once (and never moves it), so the first sync of
 * a new repository pulls an image that exists instead of `latest`, which
 * nothing ever pushes.
 *
 * @public
 */
export const BOOTSTRAP_IMAGE_TAG = 'bootstrap';

const CI_OWNED_FILE = /^k8s\/overlays\/([^/]+)\/images\/kustomization\.yaml$/;

/**
 * True for a path the renderer writes only when it is missing.
 *
 * @public
 */
export function isCiOwnedFile(file: string): boolean {
  return CI_OWNED_FILE.test(file);
}

/** The CI-owned images component of an environment. */
export function imagesComponentPath(environment: string): string {
  return `k8s/overlays/${environment}/images/kustomization.yaml`;
}

/** The environment a CI-owned file belongs to. */
export function ciOwnedFileEnvironment(file: string): string | undefined {
  return CI_OWNED_FILE.exec(file)?.[1];
}
