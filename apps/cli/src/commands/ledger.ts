import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { type AuthedContext, createSystemContext, exportLedger, verifyLedger } from '@wenming/api';
import { createStore } from '@wenming/storage';
import type { Command } from 'commander';
import { withDatabase } from '../database';
import { parseEnv } from '../env';
import { CliError } from '../errors';

export function registerLedger(program: Command) {
  const ledger = program.command('ledger').description('the evidence ledger (台账)');
  ledger
    .command('verify')
    .description("recompute every unit's hash chain and every file's hash; exits non-zero at any tampering")
    .option('--unit <code>', 'only this unit')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { unit?: string; json?: boolean }) => {
      await withDatabase(async ({ db }) => {
        if (opts.unit) {
          const unit = await db
            .selectFrom('units')
            .select('id')
            .where('code', '=', opts.unit)
            .executeTakeFirst();
          if (!unit) throw new CliError(`no unit with code ${opts.unit}`);
        }
        const result = await verifyLedger(db, createStore(parseEnv().store), opts.unit);
        if (opts.json) console.log(JSON.stringify(result, null, 2));
        else {
          console.log(`checked ${result.units} unit(s), ${result.events} event(s), ${result.files} file(s)`);
          for (const p of result.problems)
            console.error(`${p.unitCode}${p.seq === null ? '' : ` event ${p.seq}`}: ${p.problem}`);
        }
        if (result.problems.length > 0) {
          const first = result.problems[0]!;
          throw new CliError(
            `the ledger was changed behind the platform's back: first broken at ${first.unitCode}${first.seq === null ? '' : ` event ${first.seq}`} (${result.problems.length} problem(s))`,
          );
        }
        if (!opts.json) console.log('ledger intact');
      });
    });

  ledger
    .command('export')
    .description(
      "export a unit's ledger (its open campaign, else its latest) as a ZIP for binding (整理装订)",
    )
    .requiredOption('--unit <code>', 'the unit')
    .requiredOption('--out <file>', 'where to write the .zip')
    .action(async (opts: { unit: string; out: string }) => {
      await withDatabase(async (database) => {
        const unit = await database.db
          .selectFrom('units')
          .select('id')
          .where('code', '=', opts.unit)
          .executeTakeFirst();
        if (!unit) throw new CliError(`no unit with code ${opts.unit}`);
        const campaign = await database.db
          .selectFrom('campaigns')
          .select('id')
          .where('unit_id', '=', unit.id)
          .orderBy((eb) => eb.case().when('phase', 'in', ['decided', 'withdrawn']).then(1).else(0).end())
          .orderBy('created_at', 'desc')
          .executeTakeFirst();
        if (!campaign) throw new CliError(`unit ${opts.unit} has no campaign yet`);
        const ctx = createSystemContext({ db: database.db, engine: database.engine }) as AuthedContext;
        const archive = await exportLedger(ctx, createStore(parseEnv().store), campaign.id);
        // Written beside the target and renamed at the end: a failed export leaves no half file.
        const partial = `${opts.out}.partial`;
        try {
          await pipeline(archive.stream, createWriteStream(partial));
          await rename(partial, opts.out);
        } catch (error) {
          await rm(partial, { force: true });
          throw error;
        }
        console.log(`wrote ${opts.out}: ${archive.files} files, ${archive.size} bytes`);
      });
    });
}
