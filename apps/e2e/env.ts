import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The only place e2e reads process.env. */
export const e2eEnv = {
  chromium: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  port: Number(process.env.E2E_PORT || 3210),
  /** Each run seeds its own tenant: a fresh PGlite directory, never the developer's data. */
  dataDir: process.env.E2E_DATA_DIR || mkdtempSync(join(tmpdir(), 'wenming-e2e-')),
  jsonReport: process.env.E2E_JSON,
  ci: process.env.CI === 'true',
};
