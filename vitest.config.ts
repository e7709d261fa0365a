import { dbProject, pureProject } from '@wenming/vitest-preset';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [pureProject, dbProject],
  },
});
