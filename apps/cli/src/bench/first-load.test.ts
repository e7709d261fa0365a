import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { firstLoad } from './first-load';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function builtSpa(files: Record<string, string>, html: string) {
  const dist = mkdtempSync(join(tmpdir(), 'wenming-first-load-'));
  dirs.push(dist);
  mkdirSync(join(dist, 'assets'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dist, name), text);
  writeFileSync(join(dist, 'index.html'), html);
  return join(dist, 'index.html');
}

describe('first-load JavaScript of a built SPA', () => {
  const entry = 'import"./react.js";'.repeat(200);
  const react = 'export const createElement=()=>{};'.repeat(300);
  const lazyRoute = 'export default function Charts(){}'.repeat(5000);
  const index = builtSpa(
    {
      'assets/index-a1.js': entry,
      'assets/react-b2.js': react,
      'assets/react-b2.js.br': 'x'.repeat(17),
      'assets/Charts-c3.js': lazyRoute,
      'assets/index-d4.css': 'body{margin:0}'.repeat(1000),
    },
    `<!doctype html><html><head>
<script type="module" crossorigin src="/console/assets/index-a1.js"></script>
<link rel="modulepreload" crossorigin href="/console/assets/react-b2.js">
<link rel="stylesheet" crossorigin href="/console/assets/index-d4.css">
</head><body><div id="root"></div></body></html>`,
  );

  it('counts the entry and the modules it preloads, not lazy routes or stylesheets', () => {
    const load = firstLoad('console', index)!;
    expect(load.files).toBe(2);
    expect(load.rawBytes).toBe(entry.length + react.length);
    expect(load.gzipBytes).toBe(gzipSync(entry, { level: 9 }).length + gzipSync(react, { level: 9 }).length);
  });

  it('counts the stylesheets apart from the JavaScript', () => {
    const load = firstLoad('console', index)!;
    expect(load.styles.files).toBe(1);
    expect(load.styles.rawBytes).toBe('body{margin:0}'.length * 1000);
    expect(load.styles.gzipBytes).toBe(gzipSync('body{margin:0}'.repeat(1000), { level: 9 }).length);
  });

  it("takes the build's brotli copy where there is one", () => {
    const load = firstLoad('console', index)!;
    // react-b2.js has a 17-byte .br beside it; the entry is compressed here.
    expect(load.brotliBytes).toBeGreaterThan(17);
    expect(load.brotliBytes).toBeLessThan(17 + gzipSync(entry, { level: 9 }).length);
  });

  it('says an SPA that was not built is not there', () => {
    expect(firstLoad('console', join(tmpdir(), 'no-such-spa', 'index.html'))).toBeNull();
  });
});
