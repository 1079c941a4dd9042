import Link from '@material-ui/core/Link';
import { commitUrl, shortRevision } from '../presentation/repository';

/** Props of {@link RevisionLink}. */
export interface RevisionLinkProps {
  revision: string;
  /** The repository's web URL; without it the revision is plain text. */
  repositoryUrl?: string;
}

/** A git revision as a short SHA, linking to the commit when the repository is known. */
export function RevisionLink({ revision, repositoryUrl }: RevisionLinkProps) {
  const text = <code title={revision}>{shortRevision(revision)}</code>;
  if (!repositoryUrl) {
    return text;
  }
  return (
    <Link
      href={commitUrl(repositoryUrl, revision)}
      target="_blank"
      rel="noopener noreferrer"
      aria-label={`commit ${shortRevision(revision)}`}
    >
      {text}
    </Link>
  );
}
