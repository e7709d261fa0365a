// Two projects over the whole monorepo: fast pure tests, and database tests that run on
// embedded PGlite by default or on a real Postgres when DATABASE_URL is set (CI runs both).
import type { TestProjectConfiguration } from 'vitest/config';

const roots = '{packages,apps}/*/src/**';

export const pureProject: TestProjectConfiguration = {
  test: {
    name: 'pure',
    include: [`${roots}/*.test.{ts,tsx}`],
    exclude: ['**/*.db.test.ts', '**/node_modules/**'],
    environment: 'node',
  },
};

export const dbProject: TestProjectConfiguration = {
  test: {
    name: 'db',
    include: [`${roots}/*.db.test.ts`],
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
};
