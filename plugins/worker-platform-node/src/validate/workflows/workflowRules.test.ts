import { checkRule, lines } from '../__testUtils__/checkRule';
import { actionlintRule } from './actionlintRule';
import { awsOidcRule } from './awsOidcRule';
import { pinnedActionsRule } from './pinnedActionsRule';
import { untrustedExpressionRule } from './untrustedExpressionRule';

const CHECKOUT = 'actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683';
const CONFIGURE_AWS =
  'aws-actions/configure-aws-credentials@e3dd6a429d7300a6a4c196c26e071d42e0343502';

// The build job of a generated ci.yml, trimmed to what the rules read.
const ci = lines(
  'name: CI',
  'on:',
  '  push:',
  '    branches: [main]',
  'permissions:',
  '  contents: read',
  'jobs:',
  '  build:',
  '    runs-on: ubuntu-latest',
  '    permissions:',
  '      contents: read',
  '      id-token: write',
  '    steps:',
  `      - uses: ${CHECKOUT} # v4.2.2`,
  '      - name: AWS credentials (OIDC)',
  `        uses: ${CONFIGURE_AWS} # v4.0.2`,
  '        with:',
  '          role-to-assume: ${{ vars.AWS_ROLE_ARN }}',
  '          aws-region: us-east-1',
  '      - name: Tag',
  '        env:',
  '          TITLE: ${{ github.event.head_commit.message }}',
  '        run: echo "building $TITLE at ${{ github.sha }}"',
);
const CI = '.github/workflows/ci.yml';

describe('workflows/actionlint', () => {
  it('passes a valid workflow', async () => {
    expect(await checkRule(actionlintRule, { [CI]: ci })).toEqual([]);
  });

  it('reports what actionlint finds, with its line', async () => {
    const findings = await checkRule(actionlintRule, {
      [CI]: ci.replace(
        'runs-on: ubuntu-latest',
        'runs-on: ubuntu-latest\n    needs: [lint]',
      ),
    });
    expect(findings).toEqual([
      expect.objectContaining({
        file: CI,
        line: 8,
        rule: 'workflows/actionlint',
        message: expect.stringContaining('lint'),
      }),
    ]);
  });
});

describe('workflows/pinned-actions', () => {
  it('passes actions pinned to a commit and local actions', async () => {
    expect(
      await checkRule(pinnedActionsRule, {
        [CI]: ci.replace(
          '      - name: Tag',
          '      - uses: ./.github/actions/notify\n      - name: Tag',
        ),
      }),
    ).toEqual([]);
  });

  it.each([
    'aquasecurity/trivy-action@master',
    'actions/checkout@v4',
    'actions/checkout@11bd719',
  ])('reports %s', async uses => {
    const findings = await checkRule(pinnedActionsRule, {
      [CI]: ci.replace(`${CHECKOUT}`, uses),
    });
    expect(findings).toEqual([
      expect.objectContaining({
        file: CI,
        line: 14,
        message: expect.stringContaining(uses),
      }),
    ]);
  });
});

describe('workflows/untrusted-expression', () => {
  it('passes untrusted values passed through env', async () => {
    expect(await checkRule(untrustedExpressionRule, { [CI]: ci })).toEqual([]);
  });

  it.each(['github.event.pull_request.title', 'github.head_ref', 'inputs.tag'])(
    'reports ${{ %s }} inside run:',
    async expression => {
      const findings = await checkRule(untrustedExpressionRule, {
        [CI]: ci.replace('$TITLE', `\${{ ${expression} }}`),
      });
      expect(findings).toEqual([
        expect.objectContaining({
          line: 23,
          message: expect.stringContaining(expression),
        }),
      ]);
    },
  );
});

describe('workflows/aws-oidc', () => {
  it('passes role assumption with id-token: write', async () => {
    expect(await checkRule(awsOidcRule, { [CI]: ci })).toEqual([]);
  });

  it('reports stored access keys', async () => {
    const findings = await checkRule(awsOidcRule, {
      [CI]: ci.replace(
        'role-to-assume: ${{ vars.AWS_ROLE_ARN }}',
        'aws-access-key-id: ${{ secrets.AWS_ACCESS_KEY_ID }}\n          aws-secret-access-key: ${{ secrets.AWS_SECRET_ACCESS_KEY }}',
      ),
    });
    expect(findings.map(f => f.line).sort()).toEqual([16, 18, 19]);
  });

  it('reports keys passed through env', async () => {
    const findings = await checkRule(awsOidcRule, {
      [CI]: ci.replace(
        'TITLE: ${{ github.event.head_commit.message }}',
        'AWS_ACCESS_KEY_ID: ${{ secrets.AWS_ACCESS_KEY_ID }}',
      ),
    });
    expect(findings).toEqual([expect.objectContaining({ line: 22 })]);
  });

  it('reports role assumption without id-token: write', async () => {
    const findings = await checkRule(awsOidcRule, {
      [CI]: ci.replace('      id-token: write\n', ''),
    });
    expect(findings).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('id-token: write'),
      }),
    ]);
  });
});
