import type { ActionPin } from './types';

/**
 * The one table of third-party GitHub Actions the generated workflows use,
 * each pinned to the full commit SHA of a release tag (a tag can be moved to
 * other code; a SHA cannot). To upgrade, resolve the new tag with
 * `git ls-remote https://github.com/<owner>/<repo> refs/tags/<tag>` and
 * change both fields, then bump BLUEPRINT_VERSION.
 *
 * No container-scanning action is listed on purpose: the security job runs
 * bandit and pip-audit from PyPI instead of another third-party action.
 */
export const actionPins: Record<string, ActionPin> = {
  checkout: {
    uses: 'actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683',
    version: 'v4.2.2',
  },
  setupPython: {
    uses: 'actions/setup-python@a26af69be951a213d495a4c3e4e4022e16d87065',
    version: 'v5.6.0',
  },
  configureAwsCredentials: {
    uses: 'aws-actions/configure-aws-credentials@e3dd6a429d7300a6a4c196c26e071d42e0343502',
    version: 'v4.0.2',
  },
  amazonEcrLogin: {
    uses: 'aws-actions/amazon-ecr-login@062b18b96a7aff071d4dc91bc00c4c1a7945b076',
    version: 'v2.0.1',
  },
  dockerLogin: {
    uses: 'docker/login-action@9780b0c442fbb1117ed29e0efdff1e18412f7567',
    version: 'v3.3.0',
  },
  setupBuildx: {
    uses: 'docker/setup-buildx-action@6524bf65af31da8d45b59e8c27de4bd072b392f5',
    version: 'v3.8.0',
  },
  buildPush: {
    uses: 'docker/build-push-action@48aba3b46d1b1fec4febb7c5d0c644b249a11355',
    version: 'v6.10.0',
  },
  uploadSarif: {
    uses: 'github/codeql-action/upload-sarif@48ab28a6f5dbc2a99bf1e0131198dd8f1df78169',
    version: 'v3.28.0',
  },
  slack: {
    uses: 'slackapi/slack-github-action@485a9d42d3a73031f12ec201c457e2162c45d02d',
    version: 'v2.0.0',
  },
};
