import type { ActionPin } from './types';

/**
 * The one table of third-party GitHub Actions the generated workflows use,
 * each pinned to the full commit SHA of a release tag (a tag can be moved to
 * other code; a SHA cannot). To upgrade, resolve the new tag with
 * `git ls-remote https://github.com/<owner>/<repo> refs/tags/<tag>` and
 * change both fields, then bump BLUEPRINT_VERSION.
 *
 * Dependabot (`.github/dependabot.yml`) proposes upgrades of these pins in
 * every rendered repository; this table is what a new render starts from.
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
  uploadArtifact: {
    uses: 'actions/upload-artifact@ea165f8d65b6e75b540449e92b4886f43607fa02',
    version: 'v4.6.2',
  },
  downloadArtifact: {
    uses: 'actions/download-artifact@d3f86a106a0bac45b974a628896c90dbdf5c8093',
    version: 'v4.3.0',
  },
  trivy: {
    uses: 'aquasecurity/trivy-action@ed142fd0673e97e23eac54620cfb913e5ce36c25',
    version: 'v0.36.0',
  },
  createGithubAppToken: {
    uses: 'actions/create-github-app-token@d72941d797fd3113feb6b93fd0dec494b13a2547',
    version: 'v1.12.0',
  },
  createPullRequest: {
    uses: 'peter-evans/create-pull-request@271a8d0340265f705b14b6d32b9829c1cb33d45e',
    version: 'v7.0.8',
  },
  slack: {
    uses: 'slackapi/slack-github-action@485a9d42d3a73031f12ec201c457e2162c45d02d',
    version: 'v2.0.0',
  },
};
