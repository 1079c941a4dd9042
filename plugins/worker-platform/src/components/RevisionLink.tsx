import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Link from '@material-ui/core/Link';
import { useCommitUrl } from '../hooks/useCommitUrl';
import { shortRevision } from '../presentation/repository';
import { workerPlatformTranslationRef } from '../translation';

/** Props of {@link RevisionLink}. */
export interface RevisionLinkProps {
  revision: string;
  /** The repository's web URL; without it the revision is plain text. */
  repositoryUrl?: string;
}

/**
 * A git revision as a short SHA, linking to the commit when the repository's
 * host is a known SCM integration.
 */
export function RevisionLink({ revision, repositoryUrl }: RevisionLinkProps) {
  const href = useCommitUrl(repositoryUrl)?.(revision);
  const { t } = useTranslationRef(workerPlatformTranslationRef);
  const text = <code title={revision}>{shortRevision(revision)}</code>;
  if (!href) {
    return text;
  }
  return (
    <Link
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      aria-label={t('revision.commitLabel', {
        revision: shortRevision(revision),
      })}
    >
      {text}
    </Link>
  );
}
