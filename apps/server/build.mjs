// `turbo run build` for the server: src/main.ts and the workspace packages it imports
// (TypeScript sources) bundled into dist/main.js, so production runs plain JavaScript
// instead of compiling TypeScript at every start (tsx), which costs start time and memory.
// Installed packages stay outside the bundle and load from node_modules exactly as they
// would under tsx: pnpm keeps each package's dependencies next to it, so every import is
// resolved here, from the importing file, and written as a path relative to dist/.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
// --outdir: a test builds elsewhere so it never replaces the dist/ a running server uses.
const { values } = parseArgs({ options: { outdir: { type: 'string' } } });
const outdir = resolve(values.outdir ?? join(here, 'dist'));
const posix = (p) => p.split(sep).join('/');
const fromDist = (file) => {
  const path = posix(relative(outdir, file));
  return path.startsWith('.') ? path : `./${path}`;
};

/** @type {import('esbuild').Plugin} */
const workspaceOnly = {
  name: 'workspace-only',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.pluginData?.inner || args.path.startsWith('@wenming/')) return undefined;
      if (isBuiltin(args.path)) return { path: args.path, external: true };
      const found = await b.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: { inner: true },
      });
      if (found.errors.length > 0) return { errors: found.errors };
      return { path: fromDist(found.path), external: true };
    });
    // A source file that finds its neighbours through import.meta.url (demo frameworks, the
    // PGlite template) keeps finding them in the source tree, not next to the bundle.
    b.onLoad({ filter: /\.ts$/ }, (args) => {
      if (args.path.includes(`${sep}node_modules${sep}`)) return undefined;
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return { contents: source, loader: 'ts' };
      const url = JSON.stringify(fromDist(args.path));
      return {
        contents: source.replaceAll('import.meta.url', `new URL(${url}, import.meta.url).href`),
        loader: 'ts',
      };
    });
  },
};

rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });
await build({
  entryPoints: { main: join(here, 'src/main.ts') },
  outdir,
  bundle: true,
  // One file, no chunks: a rebuild under a running server never removes code it has yet to load.
  // (Installed packages imported with import() stay outside and still load on first use.)
  format: 'esm',
  platform: 'node',
  target: 'node22',
  // Resolve installed packages as Node does, not with bundler-only conditions.
  conditions: [],
  mainFields: ['main'],
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [workspaceOnly],
});
