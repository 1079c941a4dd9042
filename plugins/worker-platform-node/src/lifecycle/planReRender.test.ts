import { planReRender } from './planReRender';
import { contentHash, RenderManifest } from './renderManifest';

function manifestOf(files: Record<string, string>): RenderManifest {
  return {
    specApiVersion: 'worker-platform.io/v1alpha1',
    blueprintVersion: '1.0.0',
    ciOwned: [],
    files: Object.fromEntries(
      Object.entries(files).map(([file, content]) => [
        file,
        contentHash(content),
      ]),
    ),
  };
}

describe('planReRender', () => {
  const previous = manifestOf({
    'pristine.yaml': 'old',
    'edited.yaml': 'old',
    'same.yaml': 'same',
    'dropped.yaml': 'gone',
    'dropped-edited.yaml': 'gone',
    'deleted.yaml': 'old',
  });
  const current = new Map<string, string | undefined>([
    ['pristine.yaml', 'old'],
    ['edited.yaml', 'old, edited'],
    ['same.yaml', 'same'],
    ['dropped.yaml', 'gone'],
    ['dropped-edited.yaml', 'gone, edited'],
    ['deleted.yaml', undefined],
    ['new.yaml', undefined],
    ['mine.yaml', 'hand-written'],
  ]);
  const next = new Map([
    ['pristine.yaml', 'new'],
    ['edited.yaml', 'new'],
    ['same.yaml', 'same'],
    ['deleted.yaml', 'new'],
    ['new.yaml', 'new'],
    ['mine.yaml', 'generated'],
  ]);

  const plan = planReRender({
    next,
    previous,
    current,
    existingProposals: [
      '.worker-platform/conflicts/edited.yaml',
      '.worker-platform/conflicts/resolved.yaml',
    ],
  });

  it('sorts every file by whether it was edited since the last render', () => {
    expect(plan.summary).toEqual({
      ciOwned: [],
      added: ['new.yaml'],
      updated: ['pristine.yaml'],
      removed: ['dropped.yaml'],
      conflicts: [
        'deleted.yaml',
        'dropped-edited.yaml',
        'edited.yaml',
        'mine.yaml',
      ],
      unchanged: ['same.yaml'],
    });
  });

  it('writes new content only over pristine files, and proposals beside the others', () => {
    expect(Object.fromEntries(plan.writes)).toEqual({
      'new.yaml': 'new',
      'pristine.yaml': 'new',
      '.worker-platform/conflicts/edited.yaml': 'new',
      '.worker-platform/conflicts/deleted.yaml': 'new',
      '.worker-platform/conflicts/mine.yaml': 'generated',
    });
  });

  it('removes pristine files no longer generated and proposals no longer current', () => {
    expect(plan.removals).toEqual([
      '.worker-platform/conflicts/resolved.yaml',
      'dropped.yaml',
    ]);
  });

  it('always takes the new spec and manifest, even when they were edited', () => {
    const toolFiles = planReRender({
      next: new Map([
        ['.worker-platform/spec.yaml', 'new spec'],
        ['.worker-platform/manifest.json', '{"new":true}'],
      ]),
      previous: manifestOf({ '.worker-platform/spec.yaml': 'old spec' }),
      current: new Map([
        ['.worker-platform/spec.yaml', 'hand-edited spec'],
        ['.worker-platform/manifest.json', '{}'],
      ]),
      existingProposals: [],
    });
    expect(toolFiles.summary.updated).toEqual([
      '.worker-platform/manifest.json',
      '.worker-platform/spec.yaml',
    ]);
    expect(toolFiles.summary.conflicts).toEqual([]);
  });

  it('treats every differing file as edited when there is no manifest', () => {
    const legacy = planReRender({
      next: new Map([
        ['a.yaml', 'new'],
        ['b.yaml', 'same'],
        ['c.yaml', 'new'],
      ]),
      current: new Map([
        ['a.yaml', 'old'],
        ['b.yaml', 'same'],
        ['c.yaml', undefined],
      ]),
      existingProposals: [],
    });
    expect(legacy.summary).toMatchObject({
      added: ['c.yaml'],
      updated: [],
      conflicts: ['a.yaml'],
      unchanged: ['b.yaml'],
    });
  });
});
