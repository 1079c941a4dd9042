import { WorkerPlatformSpec } from '@worker-platform/plugin-worker-platform-common';
import { BLUEPRINT_VERSION } from '../render/blueprintVersion';
import {
  contentHash,
  parseRenderManifest,
  RENDER_MANIFEST_PATH,
  RenderManifestError,
  withRenderManifest,
} from './renderManifest';
import { loadExampleSpec } from './__testUtils__/testRepositories';

let spec: WorkerPlatformSpec;
beforeAll(async () => {
  spec = await loadExampleSpec('minimal');
});

describe('withRenderManifest', () => {
  const files = new Map([
    ['b.yaml', 'kind: B\n'],
    ['a/z.txt', 'z'],
  ]);

  it('adds a manifest with the versions and a sha256 per file, sorted', () => {
    const result = withRenderManifest(files, spec);
    expect([...result.keys()]).toEqual([
      '.worker-platform/manifest.json',
      'a/z.txt',
      'b.yaml',
    ]);
    const manifest = JSON.parse(result.get(RENDER_MANIFEST_PATH)!);
    expect(manifest).toEqual({
      specApiVersion: 'worker-platform.io/v1alpha1',
      blueprintVersion: BLUEPRINT_VERSION,
      ciOwned: [],
      files: {
        'a/z.txt':
          '594e519ae499312b29433b7dd8a97ff068defcba9755b6d5d00e84c524d67b06',
        'b.yaml': contentHash('kind: B\n'),
      },
    });
    expect(Object.keys(manifest.files)).toEqual(['a/z.txt', 'b.yaml']);
  });

  it('gives the same bytes whatever the input order, and leaves the input alone', () => {
    const reversed = new Map([...files].reverse());
    expect(withRenderManifest(reversed, spec).get(RENDER_MANIFEST_PATH)).toBe(
      withRenderManifest(files, spec).get(RENDER_MANIFEST_PATH),
    );
    expect(files.has(RENDER_MANIFEST_PATH)).toBe(false);
  });

  it('does not hash an older manifest into the new one', () => {
    const again = withRenderManifest(withRenderManifest(files, spec), spec);
    expect(
      Object.keys(JSON.parse(again.get(RENDER_MANIFEST_PATH)!).files),
    ).toEqual(['a/z.txt', 'b.yaml']);
  });
});

describe('parseRenderManifest', () => {
  it('reads back what withRenderManifest wrote', () => {
    const text = withRenderManifest(new Map([['x', 'y']]), spec).get(
      RENDER_MANIFEST_PATH,
    )!;
    expect(parseRenderManifest(text).files).toEqual({ x: contentHash('y') });
  });

  it.each([
    ['{', /is not JSON/],
    ['{"specApiVersion":"v","blueprintVersion":"1"}', /files/],
    [
      JSON.stringify({
        specApiVersion: 'v',
        blueprintVersion: '1',
        files: { '../outside': contentHash('') },
      }),
      /files\.\.\.\/outside: must be a relative path inside the repository/,
    ],
    [
      JSON.stringify({
        specApiVersion: 'v',
        blueprintVersion: '1',
        files: { 'a.yaml': 'abc' },
      }),
      /files\.a\.yaml: must be a sha256 in hex/,
    ],
  ])('rejects %s', (text, message) => {
    expect(() => parseRenderManifest(text)).toThrow(RenderManifestError);
    expect(() => parseRenderManifest(text)).toThrow(message);
  });
});
