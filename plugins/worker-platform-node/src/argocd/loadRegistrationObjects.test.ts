import path from 'node:path';
import { findKustomize } from '../render/kustomizeBuild';
import { loadRegistrationObjects } from './loadRegistrationObjects';

const PINGVASAI = path.resolve(__dirname, '../../testdata/pingvasai/expected');

const names = (objects: { kind: string; metadata: { name: string } }[]) =>
  objects.map(o => `${o.kind}/${o.metadata.name}`);

if (!findKustomize()) {
  // eslint-disable-next-line no-console
  console.warn(
    '\n\n  *** SKIPPED: no kustomize on this machine (install kubectl or kustomize) ***\n\n',
  );
  describe('loadRegistrationObjects (skipped)', () => {
    // eslint-disable-next-line jest/no-disabled-tests, jest/expect-expect -- counted as skipped
    it.skip('SKIPPED: no kustomize on this machine', () => {});
  });
} else {
  describe('loadRegistrationObjects', () => {
    it('builds argocd/ and names the service', async () => {
      const source = await loadRegistrationObjects(PINGVASAI);
      expect(source.service).toBe('pingvasai');
      expect(names(source.objects)).toEqual([
        'AppProject/pingvasai',
        'Application/pingvasai-development-api',
        'Application/pingvasai-development-workers',
        'Application/pingvasai-production-api',
        'Application/pingvasai-production-workers',
        'Application/pingvasai-staging-api',
        'Application/pingvasai-staging-workers',
        'ConfigMap/argocd-notifications-cm',
      ]);
    });

    it("keeps one environment's Applications and the AppProject", async () => {
      const source = await loadRegistrationObjects(PINGVASAI, {
        environment: 'staging',
      });
      expect(names(source.objects)).toEqual([
        'AppProject/pingvasai',
        'Application/pingvasai-staging-api',
        'Application/pingvasai-staging-workers',
        'ConfigMap/argocd-notifications-cm',
      ]);
      await expect(
        loadRegistrationObjects(PINGVASAI, { environment: 'qa' }),
      ).rejects.toThrow('argocd/ has no Application of the environment qa');
    });
  });
}
