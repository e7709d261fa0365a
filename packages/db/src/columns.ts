import type { Selectable } from 'kysely';
import type { DB } from './schema';

/**
 * The columns of every table as the TypeScript types declare them, with `?` marking a
 * nullable one. The compiler proves this list matches `DB` exactly; the drift test proves
 * it matches the migrated database. Together: types and schema cannot drift apart.
 */
type IsNullable<T> = null extends T ? true : false;
type ColumnSpec<T> = { [K in keyof T]-?: IsNullable<T[K]> extends true ? 'null' : 'not null' };
type Columns = { [Table in keyof DB]: ColumnSpec<Selectable<DB[Table]>> };

export const declaredColumns: Columns = {
  offices: {
    id: 'not null',
    parent_id: 'null',
    code: 'not null',
    name: 'not null',
    level: 'not null',
    created_at: 'not null',
  },
  units: {
    id: 'not null',
    office_id: 'not null',
    code: 'not null',
    name: 'not null',
    type: 'not null',
    address: 'null',
    contact_name: 'null',
    contact_phone: 'null',
    status_level: 'not null',
    term_start_year: 'null',
    term_end_year: 'null',
    decision_no: 'null',
    version: 'not null',
    created_at: 'not null',
    updated_at: 'not null',
  },
  departments: {
    id: 'not null',
    office_id: 'not null',
    unit_id: 'not null',
    name: 'not null',
    created_at: 'not null',
  },
  users: {
    id: 'not null',
    office_id: 'not null',
    unit_id: 'null',
    username: 'not null',
    display_name: 'not null',
    phone: 'null',
    password_hash: 'not null',
    active: 'not null',
    version: 'not null',
    created_at: 'not null',
    updated_at: 'not null',
  },
  role_assignments: {
    id: 'not null',
    user_id: 'not null',
    role: 'not null',
    office_id: 'not null',
    unit_id: 'null',
    department_id: 'null',
    created_at: 'not null',
  },
  sessions: {
    id: 'not null',
    user_id: 'not null',
    created_at: 'not null',
    last_seen_at: 'not null',
    expires_at: 'not null',
    ip: 'null',
    user_agent: 'null',
  },
  login_attempts: {
    id: 'not null',
    username: 'not null',
    ip: 'not null',
    succeeded: 'not null',
    attempted_at: 'not null',
  },
  status_records: {
    id: 'not null',
    office_id: 'not null',
    unit_id: 'not null',
    action: 'not null',
    level: 'not null',
    term_start_year: 'null',
    term_end_year: 'null',
    decision_no: 'null',
    decided_on: 'null',
    reason: 'null',
    recorded_by: 'null',
    recorded_at: 'not null',
  },
  audit_log: {
    id: 'not null',
    office_id: 'null',
    unit_id: 'null',
    actor_id: 'null',
    action: 'not null',
    entity: 'not null',
    entity_id: 'not null',
    summary: 'not null',
    at: 'not null',
  },
};
