import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bake, UNUSED_ANTD_COMPONENTS } from './antdStyles';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** Every antd component some source file imports as a value (types render nothing). */
function importedAntd(): Map<string, string> {
  const found = new Map<string, string>();
  const files = ['apps', 'packages']
    .flatMap((layer) => readdirSync(join(ROOT, layer)).map((name) => join(ROOT, layer, name, 'src')))
    .filter((root) => existsSync(root))
    .flatMap((root) =>
      readdirSync(root, { recursive: true, encoding: 'utf8' })
        .filter((path) => /\.tsx?$/.test(path))
        .map((path) => join(root, path)),
    );
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/import\s+(type\s+)?\{([^}]*)\}\s+from\s+'antd'/g)) {
      if (match[1]) continue;
      for (const part of match[2]!.split(',')) {
        const name = part.trim();
        if (name && !name.startsWith('type ')) found.set(name.split(/\s+as\s+/)[0]!, file);
      }
    }
  }
  return found;
}

describe("antd's styles baked at build time", () => {
  it('leaves out no component a page imports', () => {
    const imported = importedAntd();
    // The scan itself must see the app: the shell's layout and the registers' tables.
    expect(imported.has('Layout')).toBe(true);
    expect(imported.has('Table')).toBe(true);
    const unstyled = UNUSED_ANTD_COMPONENTS.filter((name) => imported.has(name)).map(
      (name) => `${name} (imported in ${imported.get(name)})`,
    );
    expect(unstyled).toEqual([]);
  });

  it("carries the theme's colours and the used components, not the left-out ones", async () => {
    const css = await bake();
    expect(css).toContain('--ant-color-primary:#1f5fbf');
    expect(css).toContain('--ant-layout-header-bg:#ffffff');
    for (const used of ['.ant-table', '.ant-menu', '.ant-select-dropdown', '.ant-modal', '.ant-message'])
      expect(css).toContain(used);
    for (const left of ['.ant-transfer', '.ant-cascader', '.ant-color-picker'])
      expect(css).not.toContain(left);
    // Class names carry no theme hash, so the runtime's plain `ant-*` classes match.
    expect(css).not.toMatch(/:where\(\.css-/);
  }, 30_000);
});
