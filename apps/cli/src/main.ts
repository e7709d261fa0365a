#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { registerBackup } from './backup/command';
import { registerBench } from './commands/bench';
import { registerFramework } from './commands/framework';
import { registerGenerate } from './commands/generate';
import { registerLedger } from './commands/ledger';
import { registerMigrate } from './commands/migrate';
import { registerRollups } from './commands/rollups';
import { registerSeed } from './commands/seed';
import { registerUnit } from './commands/unit';
import { registerUser } from './commands/user';
import { describeError } from './errors';

const program = new Command()
  .name('wenming')
  .description(
    'Wenming (文明创建管理平台) command line: database, data and accounts.\nUses DATABASE_URL, or embedded PGlite under DATA_DIR (default ./.data).',
  )
  .exitOverride()
  .showHelpAfterError('(add --help for usage)');

registerMigrate(program);
registerBackup(program);
registerFramework(program);
registerLedger(program);
registerBench(program);
registerGenerate(program);
registerRollups(program);
registerSeed(program);
registerUser(program);
registerUnit(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // Help and version exit 0; usage errors were already printed by commander.
    process.exitCode = error.exitCode;
  } else {
    console.error(`error: ${describeError(error)}`);
    process.exitCode = 1;
  }
}
