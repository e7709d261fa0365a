import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Set by the database on insert, never written by the application. */
type CreatedAt = ColumnType<Date, never, never>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** `date` columns travel as `YYYY-MM-DD` strings on both drivers (see createDb parsers). */
type DateString = ColumnType<string, string, string>;
type Json = ColumnType<Record<string, unknown>, string, string>;

export type OfficeLevel = 'province' | 'city' | 'district';
export type UnitType = 'community' | 'school' | 'agency' | 'hospital' | 'enterprise' | 'village' | 'other';
export type StatusLevel = 'none' | 'county' | 'city' | 'city_model' | 'provincial' | 'national';
export type Role =
  | 'office_admin'
  | 'office_inspector'
  | 'analyst'
  | 'unit_admin'
  | 'unit_department_head'
  | 'unit_member';
export type StatusAction =
  | 'initial'
  | 'conferral'
  | 'renewal'
  | 'retain'
  | 'yellow_card'
  | 'restore'
  | 'suspension'
  | 'revocation'
  | 'lapse';

export interface OfficesTable {
  id: Generated<string>;
  parent_id: string | null;
  code: string;
  name: string;
  level: OfficeLevel;
  created_at: CreatedAt;
}

export interface UnitsTable {
  id: Generated<string>;
  office_id: string;
  code: string;
  name: string;
  type: UnitType;
  address: string | null;
  contact_name: string | null;
  contact_phone: string | null;
  status_level: Generated<StatusLevel>;
  term_start_year: number | null;
  term_end_year: number | null;
  decision_no: string | null;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface DepartmentsTable {
  id: Generated<string>;
  office_id: string;
  unit_id: string;
  name: string;
  created_at: CreatedAt;
}

export interface UsersTable {
  id: Generated<string>;
  office_id: string;
  unit_id: string | null;
  username: string;
  display_name: string;
  phone: string | null;
  password_hash: string;
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface RoleAssignmentsTable {
  id: Generated<string>;
  user_id: string;
  role: Role;
  office_id: string;
  unit_id: string | null;
  department_id: string | null;
  created_at: CreatedAt;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  created_at: CreatedAt;
  last_seen_at: Timestamp;
  expires_at: ColumnType<Date, Date | string, Date | string>;
  ip: string | null;
  user_agent: string | null;
}

export interface LoginAttemptsTable {
  id: Generated<number>;
  username: string;
  ip: string;
  succeeded: boolean;
  attempted_at: Timestamp;
}

export interface StatusRecordsTable {
  id: Generated<string>;
  office_id: string;
  unit_id: string;
  action: StatusAction;
  level: StatusLevel;
  term_start_year: number | null;
  term_end_year: number | null;
  decision_no: string | null;
  decided_on: DateString | null;
  reason: string | null;
  recorded_by: string | null;
  recorded_at: Timestamp;
}

export interface AuditLogTable {
  id: Generated<number>;
  office_id: string | null;
  unit_id: string | null;
  actor_id: string | null;
  action: string;
  entity: string;
  entity_id: string;
  summary: Json;
  at: Timestamp;
}

export interface DB {
  offices: OfficesTable;
  units: UnitsTable;
  departments: DepartmentsTable;
  users: UsersTable;
  role_assignments: RoleAssignmentsTable;
  sessions: SessionsTable;
  login_attempts: LoginAttemptsTable;
  status_records: StatusRecordsTable;
  audit_log: AuditLogTable;
}

export type OfficeRow = Selectable<OfficesTable>;
export type UnitRow = Selectable<UnitsTable>;
export type NewUnit = Insertable<UnitsTable>;
export type UnitUpdate = Updateable<UnitsTable>;
export type DepartmentRow = Selectable<DepartmentsTable>;
export type UserRow = Selectable<UsersTable>;
export type RoleAssignmentRow = Selectable<RoleAssignmentsTable>;
export type StatusRecordRow = Selectable<StatusRecordsTable>;
