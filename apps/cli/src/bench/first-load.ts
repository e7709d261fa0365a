import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export interface Transfer {
  files: number;
  rawBytes: number;
  /** Each file gzipped at level 9 on its own, as the goal counts it. */
  gzipBytes: number;
  /** Each file as the server sends it to a browser that accepts brotli (the build's .br copy). */
  brotliBytes: number;
}

export interface FirstLoad extends Transfer {
  app: string;
  /**
   * The stylesheets index.html links: not JavaScript, so outside the goal, but they hold up
   * the first paint too (antd's component styles are baked into one since zero-runtime).
   */
  styles: Transfer;
}

const APPS_DIR = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * The JavaScript a browser fetches before the SPA can render anything: the entry script and
 * every module the built index.html preloads. Routes, charts and Excel load later, on demand,
 * and are not counted. `null` when the SPA has not been built.
 */
export function firstLoad(
  app: string,
  indexHtml = join(APPS_DIR, app, 'dist', 'index.html'),
): FirstLoad | null {
  if (!existsSync(indexHtml)) return null;
  const html = readFileSync(indexHtml, 'utf8');
  const dist = dirname(indexHtml);
  const tags = html.match(/<(script|link)\b[^>]*>/g) ?? [];
  // The URLs carry the mount point (`/console/assets/…`); the files sit under dist/assets.
  const file = (tag: string, ext: string) => {
    const url = new RegExp(`(?:src|href)="([^"]+\\.${ext})"`).exec(tag)?.[1];
    return url ? [join(dist, url.replace(/^\/[^/]+\//, ''))] : [];
  };
  const scripts = tags.flatMap((tag) => {
    const isEntry = tag.startsWith('<script') && /type="module"/.test(tag);
    const isPreload = tag.startsWith('<link') && /rel="modulepreload"/.test(tag);
    return isEntry || isPreload ? file(tag, 'js') : [];
  });
  const styles = tags.flatMap((tag) => (/rel="stylesheet"/.test(tag) ? file(tag, 'css') : []));
  return { app, ...transfer(scripts), styles: transfer(styles) };
}

function transfer(paths: string[]): Transfer {
  const totals = { files: paths.length, rawBytes: 0, gzipBytes: 0, brotliBytes: 0 };
  for (const path of paths) {
    const bytes = readFileSync(path);
    totals.rawBytes += bytes.length;
    totals.gzipBytes += gzipSync(bytes, { level: 9 }).length;
    totals.brotliBytes += existsSync(`${path}.br`)
      ? readFileSync(`${path}.br`).length
      : brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  return totals;
}
