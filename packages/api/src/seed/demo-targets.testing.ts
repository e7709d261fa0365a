import { join } from 'node:path';
import { demoSourcesKey } from './demo-snapshot';

/**
 * For tests of the demo city cache: data directories named under `root`, sharing one cache
 * and one sources key (fixed once: the sources may change under a long test in a working tree).
 */
export function demoTargets(root: string) {
  const cacheDir = join(root, 'cache');
  const sourcesKey = demoSourcesKey();
  return (name: string) => ({
    pgliteDir: join(root, name, 'pglite'),
    filesDir: join(root, name, 'files'),
    cacheDir,
    sourcesKey,
  });
}
