import fs from 'fs';
import os from 'os';
import path from 'path';
import { deriveModel } from '../model/deriveModel';
import { exampleSpec } from '../__testUtils__/testSpecs';
import { BlueprintSet } from './BlueprintSet';

function blueprintDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'blueprints-'));
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), content);
  }
  return dir;
}

describe('BlueprintSet', () => {
  const model = deriveModel(exampleSpec('pingvasai'));

  it('repeats blueprints over the environments and pools their path names', () => {
    const set = BlueprintSet.load(
      blueprintDir({
        'one.txt.njk': '<< name >>',
        'envs/__env__.txt.njk': '<< env.branch >>',
        'pools/__env__/__pool__-__pool_module__.txt.njk':
          '<< pool.scaling.max >>',
      }),
    );
    const out = set.render(model);
    expect(out.get('one.txt')).toBe('pingvasai');
    expect(out.get('envs/production.txt')).toBe('main');
    expect(out.get('pools/production/api-relay-api_relay.txt')).toBe('5');
    expect(out.get('pools/production/gpu-gpu.txt')).toBe('20');
    expect(out.size).toBe(1 + 3 + 9);
  });

  it('turns a __dot__ segment into a dot-file or dot-directory', () => {
    const set = BlueprintSet.load(
      blueprintDir({
        '__dot__github/workflows/ci.yml.njk': 'on: push',
        '__dot__gitignore.njk': 'node_modules',
        'docs/not__dot__.md.njk': 'x',
      }),
    );
    expect([...set.render(model).keys()].sort()).toEqual([
      '.github/workflows/ci.yml',
      '.gitignore',
      'docs/not__dot__.md',
    ]);
  });

  it('passes ${{ }} and {{ }} through untouched', () => {
    const set = BlueprintSet.load(
      blueprintDir({
        'x.njk': '${{ github.sha }} {{.app.metadata.name}} << name >>',
      }),
    );
    expect(set.render(model).get('x')).toBe(
      '${{ github.sha }} {{.app.metadata.name}} pingvasai',
    );
  });

  it('renders partials only through the blueprints that include them', () => {
    const set = BlueprintSet.load(
      blueprintDir({
        '_partials/p.njk': 'part << side >>',
        'a.njk': '<% set side = "a" %><% include "_partials/p.njk" %>',
      }),
    );
    expect([...set.render(model)]).toEqual([['a', 'part a']]);
  });

  it('names the blueprint when a variable is undefined', () => {
    const set = BlueprintSet.load(blueprintDir({ 'bad.njk': '<< nope.x >>' }));
    expect(() => set.render(model)).toThrow(/bad\.njk/);
  });

  it('skips blueprints whose condition is false', () => {
    const set = BlueprintSet.load(
      blueprintDir({
        'k8s/base/service-ns/rollout.yaml.njk': 'kind: Rollout',
        'k8s/base/service-ns/service.yaml.njk': 'kind: Service',
      }),
    );
    expect([...set.render(model).keys()]).toEqual([
      'k8s/base/service-ns/service.yaml',
    ]);
  });
});
