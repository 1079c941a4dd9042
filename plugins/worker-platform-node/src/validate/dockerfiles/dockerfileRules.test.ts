import { checkRule, lines } from '../__testUtils__/checkRule';
import { addUrlRule } from './addUrlRule';
import { apiHealthcheckRule } from './apiHealthcheckRule';
import { aptListsRule } from './aptListsRule';
import { baseImageTagRule } from './baseImageTagRule';
import { dockerfileDiagnosticsRule } from './dockerfileDiagnosticsRule';
import { nonRootUserRule } from './nonRootUserRule';

// A multi-stage API Dockerfile in the shape the blueprints render.
const apiDockerfile = lines(
  'FROM python:3.12-slim AS builder',
  'RUN apt-get update \\',
  '    && apt-get install -y --no-install-recommends gcc libpq-dev \\',
  '    && rm -rf /var/lib/apt/lists/*',
  'COPY requirements.txt .',
  'RUN pip wheel --wheel-dir /wheels -r requirements.txt',
  'FROM python:3.12-slim',
  'COPY --from=builder /wheels /wheels',
  'RUN useradd --uid 10001 app',
  'USER 10001',
  'HEALTHCHECK --interval=30s CMD curl -fsS http://localhost:8000/health || exit 1',
  'CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "8000"]',
);

describe('dockerfiles/diagnostics', () => {
  it('passes a well-formed Dockerfile', async () => {
    expect(
      await checkRule(dockerfileDiagnosticsRule, { Dockerfile: apiDockerfile }),
    ).toEqual([]);
  });

  it('reports an unknown instruction with its line', async () => {
    const findings = await checkRule(dockerfileDiagnosticsRule, {
      'Dockerfile.gpu-worker': lines(
        'FROM nvidia/cuda:12.4.1-runtime-ubuntu22.04',
        'RUNN echo hi',
      ),
    });
    expect(findings).toEqual([
      expect.objectContaining({
        file: 'Dockerfile.gpu-worker',
        line: 2,
        severity: 'error',
      }),
    ]);
  });
});

describe('dockerfiles/non-root-user', () => {
  it('passes a final stage that switches to a numeric user', async () => {
    expect(
      await checkRule(nonRootUserRule, { Dockerfile: apiDockerfile }),
    ).toEqual([]);
  });

  it.each([
    ['USER root', /runs as root/],
    ['USER 0:0', /runs as 0:0/],
  ])('reports %s', async (user, message) => {
    const findings = await checkRule(nonRootUserRule, {
      Dockerfile: apiDockerfile.replace('USER 10001', user),
    });
    expect(findings).toEqual([
      expect.objectContaining({
        line: 10,
        message: expect.stringMatching(message),
      }),
    ]);
  });

  it('reports a final stage without USER even if the builder stage has one', async () => {
    const findings = await checkRule(nonRootUserRule, {
      Dockerfile: lines(
        'FROM python:3.12-slim AS builder',
        'USER 10001',
        'FROM python:3.12-slim',
        'CMD ["python"]',
      ),
    });
    expect(findings).toEqual([
      expect.objectContaining({
        line: 3,
        message: expect.stringContaining('sets no USER'),
      }),
    ]);
  });
});

describe('dockerfiles/base-image-tag', () => {
  it('accepts tags, digests, earlier stages and scratch', async () => {
    const dockerfile = lines(
      'FROM python:3.12-slim AS builder',
      'FROM builder AS test',
      `FROM alpine@sha256:${'a'.repeat(64)}`,
      'FROM scratch',
    );
    expect(
      await checkRule(baseImageTagRule, { Dockerfile: dockerfile }),
    ).toEqual([]);
  });

  it.each(['python', 'python:latest'])('reports FROM %s', async image => {
    const findings = await checkRule(baseImageTagRule, {
      'Dockerfile.system-worker': lines(`FROM ${image}`, 'USER 10001'),
    });
    expect(findings).toEqual([
      expect.objectContaining({ file: 'Dockerfile.system-worker', line: 1 }),
    ]);
  });
});

describe('dockerfiles/api-healthcheck', () => {
  it('passes an API image with a HEALTHCHECK', async () => {
    expect(
      await checkRule(apiHealthcheckRule, { Dockerfile: apiDockerfile }),
    ).toEqual([]);
  });

  it('reports a missing or disabled HEALTHCHECK on the API image only', async () => {
    const withoutHealthcheck = apiDockerfile.replace(/HEALTHCHECK .*\n/, '');
    expect(
      await checkRule(apiHealthcheckRule, {
        Dockerfile: withoutHealthcheck,
        'Dockerfile.gpu-worker': withoutHealthcheck,
      }),
    ).toEqual([
      expect.objectContaining({
        file: 'Dockerfile',
        rule: 'dockerfiles/api-healthcheck',
      }),
    ]);
    expect(
      await checkRule(apiHealthcheckRule, {
        Dockerfile: apiDockerfile.replace(
          /HEALTHCHECK .*\n/,
          'HEALTHCHECK NONE\n',
        ),
      }),
    ).toHaveLength(1);
  });
});

describe('dockerfiles/apt-lists', () => {
  it('passes RUNs that clean the lists in the same layer', async () => {
    expect(
      await checkRule(aptListsRule, { Dockerfile: apiDockerfile }),
    ).toEqual([]);
  });

  it('reports an apt-get RUN that leaves the lists behind', async () => {
    const findings = await checkRule(aptListsRule, {
      Dockerfile: lines(
        'FROM debian:12',
        'RUN apt-get update && apt-get install -y ffmpeg',
        'USER 10001',
      ),
    });
    expect(findings).toEqual([expect.objectContaining({ line: 2 })]);
  });
});

describe('dockerfiles/no-add-url', () => {
  it('passes ADD of local files', async () => {
    expect(
      await checkRule(addUrlRule, {
        Dockerfile: lines('FROM debian:12', 'ADD app.tar.gz /app/'),
      }),
    ).toEqual([]);
  });

  it('reports ADD of a URL', async () => {
    const findings = await checkRule(addUrlRule, {
      Dockerfile: lines(
        'FROM debian:12',
        'ADD https://example.com/model.bin /models/',
      ),
    });
    expect(findings).toEqual([
      expect.objectContaining({
        line: 2,
        message: expect.stringContaining('https://example.com/model.bin'),
      }),
    ]);
  });
});
