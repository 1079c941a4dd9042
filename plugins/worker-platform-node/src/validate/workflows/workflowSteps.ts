import { RepositorySnapshot } from '../repository/RepositorySnapshot';
import { YamlDocument } from '../repository/yamlDocuments';

/** One job of a workflow file. */
export interface WorkflowJob {
  doc: YamlDocument;
  id: string;
  job: Record<string, any>;
  path: (string | number)[];
}

/** One step of a job. */
export interface WorkflowStep {
  job: WorkflowJob;
  step: Record<string, any>;
  path: (string | number)[];
}

/** The parsed GitHub Actions workflow files, `.github/workflows/*.yml`. */
export function workflowDocuments(repo: RepositorySnapshot): YamlDocument[] {
  return repo
    .paths()
    .filter(file => /^\.github\/workflows\/[^/]+\.ya?ml$/.test(file))
    .flatMap(file => repo.yaml(file).documents);
}

/** Every job of every workflow. */
export function workflowJobs(repo: RepositorySnapshot): WorkflowJob[] {
  return workflowDocuments(repo).flatMap(doc => {
    const jobs = (doc.value as { jobs?: unknown })?.jobs;
    if (!jobs || typeof jobs !== 'object') return [];
    return Object.entries(jobs as Record<string, unknown>)
      .filter(([, job]) => job && typeof job === 'object')
      .map(([id, job]) => ({
        doc,
        id,
        job: job as Record<string, any>,
        path: ['jobs', id],
      }));
  });
}

/** Every step of every job. */
export function workflowSteps(repo: RepositorySnapshot): WorkflowStep[] {
  return workflowJobs(repo).flatMap(job =>
    (Array.isArray(job.job.steps) ? job.job.steps : [])
      .map((step: unknown, index: number) => ({
        job,
        step: step as Record<string, any>,
        path: [...job.path, 'steps', index],
      }))
      .filter((s: WorkflowStep) => s.step && typeof s.step === 'object'),
  );
}
