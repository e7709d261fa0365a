import {
  AbilityBuilder,
  createMongoAbility,
  type ForcedSubject,
  type MongoAbility,
  type RawRuleOf,
} from '@casl/ability';
import { type PackRule, packRules, unpackRules } from '@casl/ability/extra';
import type {
  AssessmentsTable,
  AuditLogTable,
  BulletinRecipientsTable,
  BulletinsTable,
  CampaignsTable,
  DecisionsTable,
  DepartmentsTable,
  DutiesTable,
  EvidenceItemsTable,
  FrameworkAssignmentsTable,
  FrameworksTable,
  InspectionsTable,
  InspectionTargetsTable,
  MeetingsTable,
  NoticeSubjectsTable,
  NoticesTable,
  NotificationsTable,
  ObjectionsTable,
  OfficesTable,
  RectificationsTable,
  ReportsTable,
  SelectionsTable,
  StatusRecordsTable,
  SuggestionsTable,
  SurveysTable,
  TasksTable,
  UnitsTable,
  UsersTable,
  WriteupsTable,
} from '@wenming/db';
import type { Selectable } from 'kysely';

/** `advance`: move a campaign through the unit's own phases; `review`: the office's steps. */
export const ACTIONS = ['read', 'create', 'update', 'assignRole', 'advance', 'review'] as const;
export type Action = (typeof ACTIONS)[number] | 'manage';

export const SUBJECTS = [
  'Office',
  'Unit',
  'Department',
  'User',
  'StatusRecord',
  'AuditLog',
  'Framework',
  'FrameworkAssignment',
  'Campaign',
  'Task',
  'Evidence',
  'Duty',
  'Survey',
  'Suggestion',
  'Writeup',
  'Selection',
  'Inspection',
  'InspectionTarget',
  'Rectification',
  'Assessment',
  'Decision',
  'Bulletin',
  'Notice',
  'Objection',
  'Report',
  'Meeting',
  'Notification',
] as const;
export type SubjectName = (typeof SUBJECTS)[number];
/**
 * Rows are checked by their column names, so a rule reads like the SQL it becomes, and the
 * compiler checks every condition against the table's columns. Partial: a check before an
 * insert knows only the tenant columns.
 */
interface Models {
  Office: Partial<Selectable<OfficesTable>>;
  Unit: Partial<Selectable<UnitsTable>>;
  Department: Partial<Selectable<DepartmentsTable>>;
  User: Partial<Selectable<UsersTable>> & { password?: never };
  StatusRecord: Partial<Selectable<StatusRecordsTable>>;
  AuditLog: Partial<Selectable<AuditLogTable>>;
  Framework: Partial<Selectable<FrameworksTable>>;
  FrameworkAssignment: Partial<Selectable<FrameworkAssignmentsTable>>;
  /** `leading_group` and `plans` are fields, so edits to them are checked like columns. */
  Campaign: Partial<Selectable<CampaignsTable>> & { leading_group?: never; plans?: never };
  Task: Partial<Selectable<TasksTable>> & { indicators?: never };
  Evidence: Partial<Selectable<EvidenceItemsTable>>;
  Duty: Partial<Selectable<DutiesTable>>;
  /** `free_text` is a field: answers in free text may hold personal data. */
  Survey: Partial<Selectable<SurveysTable>> & { free_text?: never };
  Suggestion: Partial<Selectable<SuggestionsTable>>;
  Writeup: Partial<Selectable<WriteupsTable>>;
  Selection: Partial<Selectable<SelectionsTable>>;
  Inspection: Partial<Selectable<InspectionsTable>>;
  /** What a unit may know of an inspection: its own target row, once visible. */
  InspectionTarget: Partial<Selectable<InspectionTargetsTable>>;
  Rectification: Partial<Selectable<RectificationsTable>>;
  /** `advance`: the unit's self-assessment; `review`: assign, moderate, exempt, veto. */
  Assessment: Partial<Selectable<AssessmentsTable>>;
  Decision: Partial<Selectable<DecisionsTable>>;
  /**
   * Checked against each addressed unit's row (bulletin_recipients: office_id of the unit,
   * unit_id), so offices and units read through the same rules. `update`: acknowledge.
   */
  Bulletin: Partial<Selectable<BulletinsTable>> & Partial<Selectable<BulletinRecipientsTable>>;
  /** Checked against each subject unit's row (notice_subjects), like Bulletin. */
  Notice: Partial<Selectable<NoticesTable>> & Partial<Selectable<NoticeSubjectsTable>>;
  /** `contact` is a field: an objector's contact is personal data. `review`: answer it. */
  Objection: Partial<Selectable<ObjectionsTable>>;
  /** Reports and the schedule rows asking for them. `review`: set schedules; `create`: file. */
  Report: Partial<Selectable<ReportsTable>>;
  Meeting: Partial<Selectable<MeetingsTable>>;
  Notification: Partial<Selectable<NotificationsTable>>;
}
export type Subject = SubjectName | 'all' | { [K in SubjectName]: Models[K] & ForcedSubject<K> }[SubjectName];

export type AppAbility = MongoAbility<[Action, Subject]>;
export type AppRawRule = RawRuleOf<AppAbility>;

export const ROLES = [
  'office_admin',
  'office_inspector',
  'analyst',
  'unit_admin',
  'unit_department_head',
  'unit_member',
] as const;
export type Role = (typeof ROLES)[number];

/** One role assignment, resolved: office roles carry their whole office subtree. */
export interface Grant {
  role: Role;
  /** Office roles: the office and every office below it. Unit roles: the unit's office. */
  officeIds: string[];
  unitId: string | null;
  departmentId: string | null;
}

export interface AuthUser {
  id: string;
  grants: Grant[];
}

type Builder = Pick<AbilityBuilder<AppAbility>, 'can' | 'cannot'>;

/** Fields analysts may read on a unit: everything but personal contact data. */
export const UNIT_NON_PERSONAL_FIELDS: (keyof Models['Unit'])[] = [
  'id',
  'office_id',
  'code',
  'name',
  'type',
  'address',
  'status_level',
  'term_start_year',
  'term_end_year',
  'decision_no',
  'version',
  'created_at',
  'updated_at',
];

/**
 * What each role may do, defined once: the server enforces it and both SPAs use the same
 * rules (packed into `auth.me`) to hide what would be refused.
 */
export const roleDefinitions: Record<Role, (grant: Grant, user: AuthUser, b: Builder) => void> = {
  office_admin({ officeIds }, _user, { can }) {
    const inOffices = { office_id: { $in: officeIds } };
    can('read', 'Office', { id: { $in: officeIds } });
    can(['read', 'create', 'update'], 'Unit', inOffices);
    can(['read', 'create', 'update'], 'Department', inOffices);
    can(['read', 'create', 'update', 'assignRole'], 'User', inOffices);
    can('read', 'StatusRecord', inOffices);
    can('read', 'AuditLog', inOffices);
    can(['read', 'create'], 'Framework');
    can(['read', 'create'], 'FrameworkAssignment', inOffices);
    can(['read', 'create', 'review'], 'Campaign', inOffices);
    can(['read', 'create', 'update'], 'Duty', inOffices);
    can(['read', 'create', 'update'], 'Survey', inOffices);
    can('read', ['Suggestion', 'Writeup', 'Selection'], inOffices);
    can(['read', 'create', 'update'], ['Inspection', 'InspectionTarget'], inOffices);
    can(['read', 'create', 'review'], 'Rectification', inOffices);
    can('read', ['Task', 'Evidence'], inOffices);
    // Assessment ends in the office's decision, which writes the status register.
    can(['read', 'create', 'update', 'review'], 'Assessment', inOffices);
    can(['read', 'create'], ['Decision', 'StatusRecord'], inOffices);
    can(['read', 'create'], ['Bulletin', 'Notice'], inOffices);
    can(['read', 'review'], ['Objection', 'Report'], inOffices);
    can('read', 'Meeting', inOffices);
  },
  office_inspector({ officeIds }, _user, { can }) {
    const inOffices = { office_id: { $in: officeIds } };
    can('read', 'Office', { id: { $in: officeIds } });
    can(
      'read',
      [
        'Unit',
        'Department',
        'StatusRecord',
        'FrameworkAssignment',
        'Campaign',
        'Task',
        'Evidence',
        'Survey',
        'Suggestion',
        'Writeup',
        'Selection',
      ],
      inOffices,
    );
    can('read', 'Framework');
    // Inspectors work on site: results, findings, rectification orders and their verification.
    can(['read', 'update'], ['Inspection', 'InspectionTarget'], inOffices);
    can(['read', 'create', 'review'], 'Rectification', inOffices);
    // Assessors are inspectors; which campaigns each scores is its assignment, checked in the service.
    can('read', ['Assessment', 'Decision'], inOffices);
    can('read', ['Bulletin', 'Notice', 'Objection', 'Report', 'Meeting'], inOffices);
  },
  analyst({ officeIds }, _user, { can }) {
    const inOffices = { office_id: { $in: officeIds } };
    can('read', 'Office', { id: { $in: officeIds } });
    can('read', 'Unit', UNIT_NON_PERSONAL_FIELDS, inOffices);
    can(
      'read',
      ['Department', 'StatusRecord', 'FrameworkAssignment', 'Campaign', 'Task', 'Evidence'],
      inOffices,
    );
    // Survey results, but never free-text answers: they may hold personal data.
    can('read', 'Survey', ['id', 'office_id', 'unit_id', 'title_zh', 'title_en', 'status'], inOffices);
    // Suggestions and write-ups are staff's own words: not for analysts. Selection results are.
    can('read', ['Selection', 'Inspection', 'InspectionTarget', 'Rectification'], inOffices);
    can('read', ['Assessment', 'Decision'], inOffices);
    can('read', ['Bulletin', 'Notice', 'Report', 'Meeting'], inOffices);
    // Objections, but never the objector's contact.
    can(
      'read',
      'Objection',
      ['id', 'notice_id', 'office_id', 'unit_id', 'body', 'status', 'answer', 'answered_at', 'filed_at'],
      inOffices,
    );
    can('read', 'Framework');
  },
  unit_admin({ unitId }, user, { can, cannot }) {
    const inUnit = { unit_id: unitId };
    can('read', 'Unit', { id: unitId });
    can(['read', 'create', 'update'], 'Department', inUnit);
    can(['read', 'create', 'update', 'assignRole'], 'User', inUnit);
    // Nobody deactivates their own account by accident.
    cannot('update', 'User', ['active'], { id: user.id });
    can('read', 'StatusRecord', inUnit);
    can('read', 'Framework');
    can(['read', 'create', 'update', 'advance'], 'Campaign', inUnit);
    can(['read', 'create', 'update'], 'Task', inUnit);
    can(['read', 'create', 'update'], 'Evidence', inUnit);
    can(['read', 'create', 'update'], 'Duty', inUnit);
    can(['read', 'create', 'update'], 'Survey', inUnit);
    can(['read', 'create', 'update'], ['Suggestion', 'Writeup', 'Selection'], inUnit);
    can('read', 'InspectionTarget', { unit_id: unitId, visible_to_unit: true });
    can(['read', 'advance'], 'Rectification', inUnit);
    // The unit scores itself; its results and decisions are its own to read.
    can(['read', 'advance'], 'Assessment', inUnit);
    can('read', 'Decision', inUnit);
    // The campaign office acknowledges bulletins, files reports and records meetings; units
    // never publish bulletins or notices.
    can(['read', 'update'], 'Bulletin', inUnit);
    can('read', 'Notice', inUnit);
    can(['read', 'create'], ['Report', 'Meeting'], inUnit);
  },
  unit_department_head({ unitId, departmentId }, _user, { can }) {
    can('read', 'Unit', { id: unitId });
    can('read', ['Department', 'StatusRecord', 'Campaign', 'Task', 'Evidence'], { unit_id: unitId });
    can('read', 'User', { unit_id: unitId });
    can('read', 'Framework');
    // A department head reports progress on the department's own tasks, nothing more…
    can('update', 'Task', ['status', 'progress_note'], { unit_id: unitId, department_id: departmentId });
    // …and keeps the department's evidence.
    can(['create', 'update'], 'Evidence', { unit_id: unitId, department_id: departmentId });
    staffParticipation(unitId, can);
  },
  unit_member({ unitId }, _user, { can }) {
    can('read', 'Unit', { id: unitId });
    can('read', ['Department', 'StatusRecord', 'Campaign', 'Task', 'Evidence'], { unit_id: unitId });
    can('read', 'Framework');
    // Staff file what they did; the campaign office and department heads keep it in order.
    can('create', 'Evidence', { unit_id: unitId });
    staffParticipation(unitId, can);
  },
};

/** Every member of a unit offers suggestions, writes up experience and votes in selections. */
function staffParticipation(unitId: string | null, can: Builder['can']) {
  can(['read', 'create'], ['Suggestion', 'Writeup'], { unit_id: unitId });
  can('read', 'Selection', { unit_id: unitId });
  can('read', 'InspectionTarget', { unit_id: unitId, visible_to_unit: true });
  can('read', 'Rectification', { unit_id: unitId });
  can('read', 'Decision', { unit_id: unitId });
  can('read', ['Bulletin', 'Notice', 'Report', 'Meeting'], { unit_id: unitId });
}

export function defineAbilityFor(user: AuthUser | null): AppAbility {
  const builder = new AbilityBuilder<AppAbility>(createMongoAbility);
  if (user) {
    for (const grant of user.grants) roleDefinitions[grant.role](grant, user, builder);
    // Everyone may read and update their own account (display name, phone, password).
    builder.can('read', 'User', { id: user.id });
    builder.can('update', 'User', ['display_name', 'phone', 'password'], { id: user.id });
    // Everyone's inbox is their own, whatever their roles.
    builder.can(['read', 'update'], 'Notification', { user_id: user.id });
  }
  return builder.build();
}

/** Rules travel to the SPAs packed, then come back to life there. */
export function packAbility(ability: AppAbility): PackRule<AppRawRule>[] {
  return packRules(ability.rules as AppRawRule[]);
}

export function abilityFromPacked(packed: unknown[][]): AppAbility {
  return createMongoAbility<AppAbility>(unpackRules(packed as PackRule<AppRawRule>[]));
}
