import { z } from 'zod';

/**
 * The string formats the spec accepts, each with the rule it enforces in its
 * error message, so a user sees why a value was refused rather than a regex.
 */

/**
 * Kubernetes' limit for names used as DNS labels (Namespaces, Services, label values).
 *
 * @public
 */
export const MAX_DNS_LABEL_LENGTH = 63;

const DNS_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

/**
 * A DNS-1035 label: what Kubernetes requires of Service and Namespace names.
 * The first character must be a letter because our names prefix Services.
 */
export const dnsLabel = () =>
  z
    .string()
    .max(MAX_DNS_LABEL_LENGTH, {
      error: `must be at most ${MAX_DNS_LABEL_LENGTH} characters`,
    })
    .regex(DNS_LABEL, {
      error:
        'must be a DNS label: lowercase letters, digits and "-", starting with a letter and ending with a letter or digit',
    });

const DNS_SUBDOMAIN =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** A host name as an Ingress rule accepts it, optionally with a leading wildcard. */
export const hostName = () =>
  z
    .string()
    .max(253, { error: 'must be at most 253 characters' })
    .refine(v => DNS_SUBDOMAIN.test(v.replace(/^\*\./, '')), {
      error: 'must be a lowercase DNS name such as api.example.com',
    });

/** A DNS name without a wildcard, such as `example.com`: a domain under which hosts are named. */
export const domainName = () =>
  z
    .string()
    .max(253, { error: 'must be at most 253 characters' })
    .regex(DNS_SUBDOMAIN, {
      error: 'must be a lowercase DNS name such as example.com',
    });

/**
 * Celery queue names become Redis list keys and KEDA `listName`s, and are
 * passed on a worker command line; we keep them to characters all three
 * treat literally.
 */
export const queueName = () =>
  z
    .string()
    .max(MAX_DNS_LABEL_LENGTH, {
      error: `must be at most ${MAX_DNS_LABEL_LENGTH} characters`,
    })
    .regex(/^[a-z0-9]([a-z0-9_.-]*[a-z0-9])?$/, {
      error:
        'must be a queue name: lowercase letters, digits, "_", "-" and ".", starting and ending with a letter or digit',
    });

const LABEL_NAME = /^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)$/;
const LABEL_PREFIX = DNS_SUBDOMAIN;

/** A Kubernetes label key (`prefix/name`), as used by nodeSelector. */
export const labelKey = () =>
  z.string().refine(
    key => {
      const slash = key.lastIndexOf('/');
      const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
      const name = slash >= 0 ? key.slice(slash + 1) : key;
      return (
        name.length <= 63 &&
        LABEL_NAME.test(name) &&
        (prefix === undefined ||
          (prefix.length <= 253 && LABEL_PREFIX.test(prefix)))
      );
    },
    {
      error:
        'must be a Kubernetes label key such as node.kubernetes.io/instance-type',
    },
  );

/** A Kubernetes label value: at most 63 characters of `[-A-Za-z0-9_.]`, may be empty. */
export const labelValue = () =>
  z
    .string()
    .max(63, { error: 'must be at most 63 characters' })
    .regex(/^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/, {
      error:
        'must be a Kubernetes label value: letters, digits, "-", "_" and ".", starting and ending with a letter or digit',
    });

/** A Kubernetes resource quantity such as `500m`, `2`, `1Gi`. */
export const quantity = () =>
  z.string().regex(/^([0-9]+(\.[0-9]+)?)(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$/, {
    error: 'must be a Kubernetes quantity such as 500m, 2, 512Mi or 4Gi',
  });

/** A Debian package name, installed by `apt-get` inside a Dockerfile `RUN`. */
export const debianPackage = () =>
  z.string().regex(/^[a-z0-9][a-z0-9+.-]+$/, {
    error:
      'must be a Debian package name: lowercase letters, digits, "+", "-" and "."',
  });

/**
 * An OCI registry with an optional repository path prefix, e.g.
 * `123456789012.dkr.ecr.us-east-1.amazonaws.com` or `ghcr.io/acme`.
 */
export const registry = () =>
  z
    .string()
    .regex(
      /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*(:[0-9]{1,5})?(\/[a-z0-9]+([._-][a-z0-9]+)*)*$/,
      {
        error:
          'must be a container registry host with an optional path, such as ghcr.io/acme',
      },
    );

/** A git branch name that is safe as an ArgoCD `targetRevision` and a workflow filter. */
export const branchName = () =>
  z
    .string()
    .regex(/^[A-Za-z0-9]([A-Za-z0-9._/-]*[A-Za-z0-9])?$/, {
      error:
        'must be a git branch name: letters, digits, ".", "_", "-" and "/"',
    })
    .refine(v => !v.includes('..') && !v.includes('//'), {
      error: 'must be a git branch name (no ".." or "//")',
    });

/** An AWS region such as `us-east-1`. */
export const awsRegion = () =>
  z.string().regex(/^[a-z]{2}(-gov)?-[a-z]+-[0-9]$/, {
    error: 'must be an AWS region such as us-east-1',
  });

/** A catalog entity reference to the owner, e.g. `group:default/platform`. */
export const ownerRef = () =>
  z
    .string()
    .regex(/^([a-z]+:)?([a-z0-9][a-z0-9_.-]*\/)?[A-Za-z0-9][A-Za-z0-9_.-]*$/, {
      error: 'must be an entity reference such as group:default/platform',
    });

/** A catalog entity reference to a System, e.g. `system:default/imaging` or `imaging`. */
export const systemRef = () =>
  z
    .string()
    .regex(/^(system:)?([a-z0-9][a-z0-9_.-]*\/)?[A-Za-z0-9][A-Za-z0-9_.-]*$/i, {
      error: 'must be a System reference such as system:default/imaging',
    });

/** A Slack channel name, without the leading `#`. */
export const slackChannel = () =>
  z.string().regex(/^[a-z0-9][a-z0-9_-]{0,79}$/, {
    error:
      'must be a Slack channel name (lowercase letters, digits, "-" and "_", without "#")',
  });

/** A git repository URL ArgoCD can clone (https or ssh). */
export const repoUrl = () =>
  z
    .string()
    .refine(
      v => {
        if (/^git@[A-Za-z0-9.-]+:[^\s]+$/.test(v)) return true;
        try {
          const url = new URL(v);
          return ['https:', 'http:', 'ssh:'].includes(url.protocol);
        } catch {
          return false;
        }
      },
      {
        error:
          'must be a git repository URL (https://…, ssh://… or git@host:path)',
      },
    )
    .refine(v => !/\s/.test(v), { error: 'must not contain whitespace' });

/**
 * A group name as ArgoCD's SSO reports it in the `groups` claim (a GitHub
 * team through Dex is `org:team`). AppProject role groups become Casbin
 * policy lines, where a comma or a line break would split the entry.
 */
export const ssoGroup = () =>
  z
    .string()
    .max(255, { error: 'must be at most 255 characters' })
    .regex(/^[^,\s](?:[^,\r\n]*[^,\s])?$/, {
      error:
        'must be an SSO group name such as acme:developers: no commas, no line breaks, no leading or trailing spaces',
    });

/**
 * The https address of an ArgoCD UI (optionally under a path), without a
 * trailing slash: notification templates append `/applications/<name>`.
 */
export const argocdUrl = () =>
  z.string().refine(
    v => {
      try {
        const url = new URL(v);
        return (
          url.protocol === 'https:' &&
          !/\s/.test(v) &&
          !v.endsWith('/') &&
          url.search === '' &&
          url.hash === '' &&
          url.username === '' &&
          url.password === ''
        );
      } catch {
        return false;
      }
    },
    {
      error:
        'must be the https address of the ArgoCD UI, such as https://argocd.example.com, without a trailing slash, query or credentials',
    },
  );

/** A URL of a Kubernetes API server, as an ArgoCD destination `server`. */
export const serverUrl = () =>
  z.string().refine(
    v => {
      try {
        return new URL(v).protocol === 'https:' && !/\s/.test(v);
      } catch {
        return false;
      }
    },
    { error: 'must be an https URL of a Kubernetes API server' },
  );

/** A positive whole number. */
export const positiveInt = () =>
  z
    .int({ error: 'must be a whole number' })
    .min(1, { error: 'must be at least 1' });

/** A whole number that may be zero. */
export const nonNegativeInt = () =>
  z
    .int({ error: 'must be a whole number' })
    .min(0, { error: 'must be 0 or more' });

/** A percentage for HPA utilization targets. */
export const percentage = () =>
  z
    .int({ error: 'must be a whole number' })
    .min(1, { error: 'must be between 1 and 100' })
    .max(100, { error: 'must be between 1 and 100' });
