import type { Columns } from './bulk';

const u = 'uuid';
const t = 'text';
const ts = 'timestamptz';

/** The columns each generated table is written with, in foreign-key order. */
export const TABLES: [string, Columns][] = [
  [
    'units',
    {
      id: u,
      office_id: u,
      code: t,
      name: t,
      type: t,
      address: t,
      status_level: t,
      term_start_year: 'int',
      term_end_year: 'int',
    },
  ],
  [
    'status_records',
    {
      office_id: u,
      unit_id: u,
      action: t,
      level: t,
      term_start_year: 'int',
      term_end_year: 'int',
      decided_on: 'date',
    },
  ],
  ['departments', { id: u, office_id: u, unit_id: u, name: t }],
  [
    'campaigns',
    {
      id: u,
      office_id: u,
      unit_id: u,
      kind: t,
      from_level: t,
      target_level: t,
      term_start_year: 'int',
      term_end_year: 'int',
      framework_id: u,
      phase: t,
      phase_changed_at: ts,
      plan: t,
      implementation_plan: t,
      created_at: ts,
      updated_at: ts,
    },
  ],
  ['campaign_transitions', { office_id: u, unit_id: u, campaign_id: u, from_phase: t, to_phase: t, at: ts }],
  [
    'leading_group_members',
    {
      office_id: u,
      unit_id: u,
      campaign_id: u,
      role: t,
      name: t,
      title: t,
      department_id: u,
      position: 'int',
      valid_from: ts,
    },
  ],
  [
    'tasks',
    {
      id: u,
      office_id: u,
      unit_id: u,
      campaign_id: u,
      title: t,
      responsible_leader: t,
      department_id: u,
      deadline: 'date',
      status: t,
      required: 'boolean',
      completed_at: ts,
      created_at: ts,
      updated_at: ts,
    },
  ],
  ['task_indicators', { task_id: u, indicator_id: u, office_id: u, unit_id: u }],
  [
    'evidence_items',
    {
      id: u,
      office_id: u,
      unit_id: u,
      campaign_id: u,
      kind: t,
      title: t,
      description: t,
      event_date: 'date',
      captured_at: ts,
      department_id: u,
      keeper: t,
      participants: 'int',
      place: t,
      revision: 'int',
      updated_at: ts,
    },
  ],
  ['evidence_indicators', { evidence_id: u, indicator_id: u, office_id: u, unit_id: u, explanation: t }],
  ['evidence_attachments', { evidence_id: u, position: 'int', sha256: t, name: t, office_id: u, unit_id: u }],
  [
    'evidence_events',
    {
      id: u,
      office_id: u,
      unit_id: u,
      seq: 'bigint',
      evidence_id: u,
      action: t,
      actor_id: u,
      at: ts,
      payload: t,
      prev_hash: t,
      hash: t,
    },
  ],
];

export const emptyRows = () =>
  Object.fromEntries(TABLES.map(([name]) => [name, []])) as Record<string, Record<string, unknown>[]>;
