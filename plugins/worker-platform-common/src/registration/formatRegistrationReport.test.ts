import { formatRegistrationReport } from './formatRegistrationReport';

describe('formatRegistrationReport', () => {
  it('prints a headline and one line per object', () => {
    expect(
      formatRegistrationReport({
        service: 'pingvasai',
        cluster: 'prod-eu',
        namespace: 'argocd',
        dryRun: true,
        result: 'dry-run',
        objects: [
          {
            kind: 'AppProject',
            namespace: 'argocd',
            name: 'pingvasai',
            outcome: 'unchanged',
          },
          {
            kind: 'Application',
            namespace: 'argocd',
            name: 'pingvasai-qa-api',
            outcome: 'changed',
            changedFields: ['spec.source.targetRevision', 'metadata.labels.x'],
          },
          {
            kind: 'Application',
            namespace: 'argocd',
            name: 'pingvasai-qa-workers',
            outcome: 'conflict',
            message:
              'Apply failed with 1 conflict: conflict with "kubectl-edit" using argoproj.io/v1alpha1: .spec.project',
          },
          {
            kind: 'ConfigMap',
            namespace: 'argocd',
            name: 'argocd-notifications-cm',
            outcome: 'created',
            leftOut: ['context', 'service.slack'],
          },
        ],
      }),
    ).toBe(
      [
        'pingvasai → ArgoCD in prod-eu (namespace argocd): dry run, nothing changed',
        '  unchanged AppProject argocd/pingvasai',
        '  changed   Application argocd/pingvasai-qa-api: spec.source.targetRevision, metadata.labels.x',
        '  conflict  Application argocd/pingvasai-qa-workers: Apply failed with 1 conflict: conflict with "kubectl-edit" using argoproj.io/v1alpha1: .spec.project',
        "  created   ConfigMap argocd/argocd-notifications-cm (not sent, left to the instance's administrator: context, service.slack)",
        '',
      ].join('\n'),
    );
  });
});
