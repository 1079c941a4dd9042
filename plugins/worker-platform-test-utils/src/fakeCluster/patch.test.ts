import {
  PatchError,
  applyApplyPatch,
  applyJsonPatch,
  applyMergePatch,
} from './patch';

describe('applyMergePatch', () => {
  it('merges objects, deletes on null and replaces arrays', () => {
    expect(
      applyMergePatch(
        { a: { b: 1, c: 2 }, list: [1, 2], keep: true },
        { a: { b: null, d: 3 }, list: [3] },
      ),
    ).toEqual({ a: { c: 2, d: 3 }, list: [3], keep: true });
  });
});

describe('applyApplyPatch', () => {
  it('merges the applied fields and keeps the others', () => {
    expect(
      applyApplyPatch(
        { metadata: { annotations: { a: '1' } } },
        { metadata: { annotations: { b: '2' } } },
      ),
    ).toEqual({ metadata: { annotations: { a: '1', b: '2' } } });
  });
});

describe('applyJsonPatch', () => {
  const object = {
    metadata: { resourceVersion: '7', annotations: { 'x/y': 'z' } },
    spec: { syncPolicy: { automated: { prune: true } }, items: ['a'] },
  };

  it('tests, adds, replaces and removes, with escaped pointers', () => {
    expect(
      applyJsonPatch(object, [
        { op: 'test', path: '/metadata/resourceVersion', value: '7' },
        { op: 'remove', path: '/spec/syncPolicy/automated' },
        { op: 'replace', path: '/metadata/annotations/x~1y', value: 'w' },
        { op: 'add', path: '/spec/items/-', value: 'b' },
        { op: 'add', path: '/operation', value: { sync: {} } },
      ]),
    ).toEqual({
      metadata: { resourceVersion: '7', annotations: { 'x/y': 'w' } },
      spec: { syncPolicy: {}, items: ['a', 'b'] },
      operation: { sync: {} },
    });
  });

  it('refuses the whole patch when a test fails, leaving the input alone', () => {
    const copy = structuredClone(object);
    expect(() =>
      applyJsonPatch(object, [
        { op: 'remove', path: '/spec/syncPolicy/automated' },
        { op: 'test', path: '/metadata/resourceVersion', value: '6' },
      ]),
    ).toThrow(
      new PatchError(422, 'testing value /metadata/resourceVersion failed'),
    );
    expect(object).toEqual(copy);
  });

  it('refuses removing what is not there', () => {
    expect(() =>
      applyJsonPatch(object, [{ op: 'remove', path: '/status/x' }]),
    ).toThrow(/no such path/);
  });
});
