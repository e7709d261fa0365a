// `pnpm start` runs this while the console and portal build, so that a first start on an
// empty data directory finds the demo city already there instead of seeding it then.
import { prepareDataDir } from './demo-data-dir';
import { parseEnv } from './env';

try {
  await prepareDataDir(parseEnv());
} catch (error) {
  // Not fatal: the server seeds the demo itself, as it would without this.
  console.warn(`The demo city could not be prepared ahead; the server will seed it. (${String(error)})`);
}
