import { defineConfig, devices } from '@playwright/test';
import { realGuestsMissing, realGuestsPort } from './e2e/real-guests.js';

// The suite runs against the embedded cluster (this config starts the console server) or, with
// BASE_URL, against a deployed console. Chromium comes from the machine (see scripts/lib/chromium.mjs):
// Playwright's own browser download does not work offline.
const port = Number(process.env.E2E_PORT ?? 8090);
const baseURL = process.env.BASE_URL ?? `http://127.0.0.1:${port}`;
const external = Boolean(process.env.BASE_URL);
// E2E_BACKEND=kube-apiserver: the console in kubeconfig mode in front of the real stack with the
// simulation attached (scripts/e2e-stack.mjs, docs/real-stack.md); @embedded tests are skipped.
const realStack = !external && process.env.E2E_BACKEND === 'kube-apiserver';
const jsonFile = process.env.PLAYWRIGHT_JSON_OUTPUT_FILE ?? 'build/test-results/playwright.json';

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  fullyParallel: true,
  workers: process.env.E2E_WORKERS ? Number(process.env.E2E_WORKERS) : 2,
  retries: 0,
  // A real cluster pulls images and boots guests for real: more time per test than the embedded one.
  timeout: external ? 180_000 : realStack ? 90_000 : 60_000,
  expect: { timeout: external ? 30_000 : realStack ? 20_000 : 15_000 },
  forbidOnly: Boolean(process.env.CI),
  reporter: [
    ['list'],
    ['json', { outputFile: jsonFile }],
    ['html', { open: 'never', outputFolder: 'playwright-report' }],
  ],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    // Videos need an ffmpeg: scripts/lib/ffmpeg.mjs links Debian's where Playwright looks for its own.
    video: process.env.E2E_VIDEO === '1' ? 'retain-on-failure' : 'off',
    launchOptions: {
      executablePath: process.env.PLAYWRIGHT_CHROMIUM_PATH ?? '/usr/bin/chromium',
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
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], viewport: { width: 1440, height: 900 } } }],
  webServer: external
    ? undefined
    : realStack
      ? [
          {
            command: 'node scripts/e2e-stack.mjs',
            url: `${baseURL}/readyz`,
            reuseExistingServer: false,
            // etcd, kube-apiserver, kube-controller-manager, CRDs, the simulation and the seed
            timeout: 300_000,
            stdout: 'ignore',
            stderr: 'pipe',
          },
        ]
      : [
          {
            // E2E_STATIC_DIR: serve an app built elsewhere (several checkouts building at once);
            // E2E_SERVER_ARGS: extra server flags (for example --users).
            command: [
              'env -u KUBECONFIG node build/server/main.js',
              `--port ${port} --speed ${process.env.E2E_SPEED ?? 10} --seed default --log-level warn`,
              // The suite drives the simulated guests' shell; real QEMU guests (--guests qemu) have
              // their own integration tests under server/cluster/guest/qemu and the second server below.
              `--guests ${process.env.E2E_GUESTS ?? 'simulated'}`,
              process.env.E2E_STATIC_DIR ? `--static-dir ${process.env.E2E_STATIC_DIR}` : '',
              process.env.E2E_SERVER_ARGS ?? '--users e2e/users.yaml',
            ].join(' '),
            url: `${baseURL}/readyz`,
            reuseExistingServer: !process.env.CI,
            timeout: 60_000,
            stdout: 'ignore',
            stderr: 'pipe',
          },
          // A second server whose VMs are real QEMU guests (e2e/real-guest-vnc.spec.ts), only where
          // QEMU and the built guest are (npm run guest:build). Speed 1: guests boot in real time.
          // Beyond --max-guests a VM gets a simulated guest, so it leaves room for the @qemu specs'
          // VMs at 2 workers, those of a finished test that are still being deleted included.
          ...(realGuestsMissing
            ? []
            : [
                {
                  command: [
                    'env -u KUBECONFIG node build/server/main.js',
                    `--port ${realGuestsPort} --guests qemu --seed none --speed 1 --users e2e/users.yaml --log-level warn --max-guests 4`,
                    process.env.E2E_STATIC_DIR ? `--static-dir ${process.env.E2E_STATIC_DIR}` : '',
                  ].join(' '),
                  url: `http://127.0.0.1:${realGuestsPort}/readyz`,
                  reuseExistingServer: !process.env.CI,
                  timeout: 60_000,
                  stdout: 'ignore' as const,
                  stderr: 'pipe' as const,
                },
              ]),
        ],
});
