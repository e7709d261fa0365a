import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { frameworkStats } from '@wenming/domain';
import type { Command } from 'commander';
import { systemCaller } from '../caller';
import { withDatabase } from '../database';
import { CliError } from '../errors';

async function readFramework(file: string): Promise<{ json?: unknown; xlsx?: Buffer }> {
  let data: Buffer;
  try {
    data = await readFile(file);
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  if (extname(file).toLowerCase() === '.xlsx') return { xlsx: data };
  try {
    return { json: JSON.parse(data.toString('utf8')) };
  } catch (error) {
    throw new CliError(`${basename(file)} is not valid JSON: ${(error as Error).message}`);
  }
}

export function registerFramework(program: Command) {
  const framework = program.command('framework').description('assessment frameworks (测评体系)');

  framework
    .command('import <file>')
    .description(
      'import a framework file (.json in the framework format, or .xlsx); refused whole on any problem',
    )
    .option('--new-version', 'import changed content under an existing code as its next version')
    .action(async (file: string, opts: { newVersion?: boolean }) => {
      const { json, xlsx } = await readFramework(file);
      await withDatabase(async (database) => {
        const caller = systemCaller(database);
        const fileName = basename(file);
        const result = xlsx
          ? await caller.framework.importXlsx({
              dataBase64: xlsx.toString('base64'),
              fileName,
              newVersion: opts.newVersion ?? false,
            })
          : await caller.framework.import({ file: json, fileName, newVersion: opts.newVersion ?? false });
        const { code, version, stats } = result.framework;
        const what = {
          created: 'imported',
          new_version: 'imported as a new version',
          unchanged: 'already imported, unchanged',
        }[result.status];
        console.log(
          `${code} v${version}: ${what} (${stats.categories} categories, ${stats.indicators} indicators, ${stats.totalPoints} points)`,
        );
      });
    });

  framework
    .command('list')
    .description('list imported frameworks, every version')
    .option('--json', 'print a JSON array on stdout')
    .action(async (opts: { json?: boolean }) => {
      await withDatabase(async (database) => {
        const caller = systemCaller(database);
        const items = [];
        let cursor: string | undefined;
        do {
          const page = await caller.framework.list({ limit: 200, cursor });
          items.push(...page.items);
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        if (opts.json) {
          console.log(JSON.stringify(items, null, 2));
          return;
        }
        if (items.length === 0)
          console.log('no frameworks; import one with `pnpm cli framework import <file>`');
        for (const f of items) {
          const marks = f.reconstructedParts > 0 ? `  [${f.reconstructedParts} reconstructed]` : '';
          console.log(
            `${f.code.padEnd(28)} v${String(f.version).padEnd(3)} ${f.level.padEnd(10)} ${String(f.totalPoints).padStart(5)} pts  ${f.name.zh}${marks}`,
          );
        }
      });
    });

  framework
    .command('show <code>')
    .description('show a framework (the newest version unless --version)')
    .option('--version <n>', 'a specific version', (v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1)
        throw new CliError(`--version takes a whole number from 1, not "${v}"`);
      return n;
    })
    .option('--json', 'print the framework in the file format, plus "stats"')
    .action(async (code: string, opts: { version?: number; json?: boolean }) => {
      await withDatabase(async (database) => {
        const caller = systemCaller(database);
        const found = await caller.framework.list({ q: code, limit: 200 });
        if (!found.items.some((f) => f.code === code && (!opts.version || f.version === opts.version))) {
          throw new CliError(`no framework ${code}${opts.version ? ` version ${opts.version}` : ''}`);
        }
        const detail = await caller.framework.get({ code, version: opts.version });
        if (opts.json) {
          console.log(JSON.stringify({ ...detail.file, stats: frameworkStats(detail.file) }, null, 2));
          return;
        }
        const fw = detail.file;
        console.log(`${fw.code} v${detail.version} — ${fw.name.zh} (${fw.name.en})`);
        console.log(
          `level ${fw.level}, ${fw.totalPoints} points, pass ${fw.passThreshold ?? 'not set'}; source: ${fw.source}`,
        );
        for (const c of fw.categories) {
          const mark = c.reconstructed || c.reconstructedFields?.length ? ' *' : '';
          console.log(`  ${c.code} ${c.name.zh} (${c.points})${mark}`);
          for (const i of c.indicators) {
            const flags = `${i.veto ? ' [veto]' : ''}${i.reconstructed || i.reconstructedFields?.length ? ' *' : ''}`;
            console.log(`    ${i.code} ${i.name.zh} (${i.points})${flags}`);
          }
        }
        if (detail.reconstructedParts > 0)
          console.log('  * reconstructed: proposed where the source was incomplete, not official text');
      });
    });
}
