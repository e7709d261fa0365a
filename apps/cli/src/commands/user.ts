import { ROLES, type Role } from '@wenming/domain';
import { type Command, Option } from 'commander';
import { systemCaller } from '../caller';
import { withDatabase } from '../database';
import { CliError } from '../errors';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

interface CreateOptions {
  username: string;
  displayName: string;
  role: Role;
  office?: string;
  unit?: string;
  department?: string;
  password?: string;
  passwordStdin?: boolean;
  phone?: string;
  json?: boolean;
}

export function registerUser(program: Command) {
  const user = program.command('user').description('manage accounts');
  user
    .command('create')
    .description('create an account with one role (office roles need --office, unit roles --unit)')
    .requiredOption('--username <name>', 'login name: lower-case letters, digits, . _ -')
    .requiredOption('--display-name <name>', 'the name people see, e.g. 王建国')
    .addOption(new Option('--role <role>', 'the role').choices([...ROLES]).makeOptionMandatory())
    .option('--office <code>', 'office code, for office roles (e.g. DJ-JZ)')
    .option('--unit <code>', 'unit code, for unit roles (e.g. QH-SWJ)')
    .option('--department <name>', 'department name inside the unit (needed for unit_department_head)')
    .option('--password <password>', 'initial password (prefer --password-stdin: shell history keeps this)')
    .option('--password-stdin', 'read the initial password from standard input')
    .option('--phone <phone>', 'phone number')
    .option('--json', 'print the created account as JSON')
    .action(async (opts: CreateOptions) => {
      const password = opts.passwordStdin ? await readStdin() : opts.password;
      if (!password) throw new CliError('give a password with --password-stdin (or --password)');
      await withDatabase(async (database) => {
        const { db } = database;
        let officeId: string | undefined;
        let unitId: string | undefined;
        let departmentId: string | undefined;
        if (opts.office) {
          const office = await db
            .selectFrom('offices')
            .select('id')
            .where('code', '=', opts.office)
            .executeTakeFirst();
          if (!office) throw new CliError(`no office with code ${opts.office}`);
          officeId = office.id;
        }
        if (opts.unit) {
          const unit = await db
            .selectFrom('units')
            .select('id')
            .where('code', '=', opts.unit)
            .executeTakeFirst();
          if (!unit) throw new CliError(`no unit with code ${opts.unit}`);
          unitId = unit.id;
          if (opts.department) {
            const dept = await db
              .selectFrom('departments')
              .select('id')
              .where('unit_id', '=', unit.id)
              .where('name', '=', opts.department)
              .executeTakeFirst();
            if (!dept) throw new CliError(`unit ${opts.unit} has no department named ${opts.department}`);
            departmentId = dept.id;
          }
        }
        const created = await systemCaller(database).user.create({
          username: opts.username,
          displayName: opts.displayName,
          password,
          phone: opts.phone,
          role: { role: opts.role, officeId, unitId, departmentId },
        });
        if (opts.json) console.log(JSON.stringify(created, null, 2));
        else console.log(`created ${created.username} (${created.roles.map((r) => r.role).join(', ')})`);
      });
    });
}
