import { defineConfig, devices } from '@playwright/test';

// `cargo xtask test` serves dist/ itself and passes its address; run alone,
// Playwright starts the same server (after `cargo xtask serve` has built dist/).
const external = process.env.KEYDECK_BASE_URL;
const baseURL = external ?? 'http://127.0.0.1:4173';

export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  workers: 2,
  forbidOnly: true,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL,
    browserName: 'chromium',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      // Root needs --no-sandbox; the rest keep Chromium off the closed network.
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
  projects: [
    { name: 'desktop', use: { viewport: { width: 1366, height: 768 } } },
    {
      name: 'phone',
      use: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true, userAgent: devices['Pixel 7'].userAgent },
    },
  ],
  webServer: external
    ? undefined
    : { command: 'cargo xtask serve --no-build --port 4173', cwd: '..', url: baseURL, reuseExistingServer: true },
});
