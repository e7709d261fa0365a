import { STATUS_LEVELS, UNIT_TYPES } from '@wenming/domain';
import { type Command, Option } from 'commander';
import { systemCaller } from '../caller';
import { withDatabase } from '../database';
import { CliError } from '../errors';

interface ListOptions {
  json?: boolean;
  office?: string;
  type?: (typeof UNIT_TYPES)[number];
  level?: (typeof STATUS_LEVELS)[number];
  q?: string;
}

export function registerUnit(program: Command) {
  const unit = program.command('unit').description('the register of units');
  unit
    .command('list')
    .description('list units (all pages)')
    .option('--json', 'print a JSON array on stdout')
    .option('--office <code>', 'only units under this office (and its sub-offices)')
    .addOption(new Option('--type <type>', 'unit type').choices([...UNIT_TYPES]))
    .addOption(new Option('--level <level>', 'status level').choices([...STATUS_LEVELS]))
    .option('--q <text>', 'text in name or code')
    .action(async (opts: ListOptions) => {
      await withDatabase(async (database) => {
        let officeId: string | undefined;
        if (opts.office) {
          const office = await database.db
            .selectFrom('offices')
            .select('id')
            .where('code', '=', opts.office)
            .executeTakeFirst();
          if (!office) throw new CliError(`no office with code ${opts.office}`);
          officeId = office.id;
        }
        const caller = systemCaller(database);
        const units = [];
        let cursor: string | undefined;
        do {
          const page = await caller.unit.list({
            officeId,
            type: opts.type,
            level: opts.level,
            q: opts.q,
            limit: 200,
            cursor,
          });
          units.push(...page.items);
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        if (opts.json) {
          console.log(JSON.stringify(units, null, 2));
          return;
        }
        if (units.length === 0) {
          console.log('no units');
          return;
        }
        for (const u of units) {
          const term = u.termStartYear ? `${u.termStartYear}-${u.termEndYear}` : '';
          console.log(
            [
              u.code.padEnd(12),
              u.level.padEnd(11),
              u.type.padEnd(11),
              term.padEnd(10),
              u.name,
              `(${u.officeName})`,
            ].join(' '),
          );
        }
        console.log(`${units.length} units`);
      });
    });
}
