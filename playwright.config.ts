import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { defineConfig } from '@playwright/test';
import { withTechdocsToolchain } from './scripts/techdocs/toolchain.cjs';

/**
 * End-to-end tests run in the machine's Chromium (Debian's `chromium`
 * package): this environment cannot download Playwright's own browsers.
 * `CHROMIUM_PATH` points elsewhere if needed.
 */
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * The backend's TechDocs runs the mkdocs `yarn start` runs (prepared once
 * under .cache/techdocs); the Docs test checks for it on the same PATH.
 */
process.env.PATH = withTechdocsToolchain(process.env, line =>
  // eslint-disable-next-line no-console
  console.log(`[techdocs] ${line}`),
).PATH;

/** Every workspace package with an `e2e-tests/` folder is a project. */
function e2eProjects() {
  return ['packages', 'plugins']
    .flatMap(dir =>
      fs.readdirSync(dir).map(name => path.resolve(dir, name, 'e2e-tests')),
    )
    .filter(testDir => fs.existsSync(testDir))
    .map(testDir => ({
      name: path.basename(path.dirname(testDir)),
      testDir,
    }));
}

// In CI each run publishes into a directory of its own: the local
// publisher's repositories stay on disk, and services an earlier run created
// would fill the catalog the tests read (the example service fell off the
// first page once). Playwright's workers inherit the variable; the
// environment e2e reads it to find the repositories.
if (process.env.CI && !process.env.WORKER_PLATFORM_REPOS_DIR) {
  process.env.WORKER_PLATFORM_REPOS_DIR = fs.mkdtempSync(
    path.join(os.tmpdir(), 'worker-platform-e2e-repos-'),
  );
}

export default defineConfig({
  timeout: 90_000,
  expect: { timeout: 20_000 },
  // One app instance serves every test; tests share its catalog.
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  reporter: [
    ['list'],
    ['html', { open: 'never', outputFolder: 'e2e-test-report' }],
    ['json', { outputFile: 'e2e-test-report/results.json' }],
  ],
  webServer: [
    {
      // The fake cluster the backend watches (see app-config.e2e.yaml).
      command:
        'yarn workspace @worker-platform/plugin-worker-platform-test-utils fake-cluster --port 16443 --control-port 16444 --scenario pingvasai',
      url: 'http://127.0.0.1:16443/version',
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command:
        'yarn workspace backend start --config ../../app-config.yaml --config ../../app-config.e2e.yaml',
      url: 'http://localhost:7007/.backstage/health/v1/readiness',
      reuseExistingServer: !process.env.CI,
      timeout: 180_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: 'yarn workspace app start',
      url: 'http://localhost:3000',
      reuseExistingServer: !process.env.CI,
      timeout: 240_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
  use: {
    baseURL: process.env.PLAYWRIGHT_URL ?? 'http://localhost:3000',
    actionTimeout: 20_000,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    browserName: 'chromium',
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  outputDir: 'e2e-test-results',
  projects: e2eProjects(),
});
