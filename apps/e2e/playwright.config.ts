import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS } from '@wenming/chromium';
import { e2eEnv } from './env';

const baseURL = `http://localhost:${e2eEnv.port}`;

export default defineConfig({
  testDir: './tests',
  outputDir: './artifacts/test-results',
  // One server, one database: tests that change data run one after another.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ...(e2eEnv.jsonReport ? [['json', { outputFile: e2eEnv.jsonReport }] as const] : [])],
  use: {
    baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: e2eEnv.chromium,
      args: CHROMIUM_ARGS,
    },
  },
  webServer: {
    command: 'node ../../tooling/start.mjs',
    url: `${baseURL}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      PORT: String(e2eEnv.port),
      HOST: 'localhost',
      DATA_DIR: e2eEnv.dataDir,
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
    },
  },
});
