import type { Caller, Fixture } from '../testing/index';

/**
 * What the permission matrix's probes share: the target (inside or outside the caller's
 * scope), the probe shape, and the common expectations. Rows per capability live in their
 * own files and are spread into the matrix.
 */
export type Target = 'own' | 'foreign';
export interface Probe {
  /** Public procedures take no session and are covered by their own tests. */
  public?: true;
  call?: (caller: Caller, f: Fixture, target: Target) => Promise<unknown>;
  /** Per role in ROLES order: "own foreign" outcomes, e.g. "ok NF". */
  expect?: string;
  /** For lists: ids in the answer, none of which may lie outside the caller's scope. */
  ids?: (result: unknown) => string[];
}

export const ALL_OK = 'ok ok | ok ok | ok ok | ok ok | ok ok | ok ok';
export const READ_OWN = 'ok NF | ok NF | ok NF | ok NF | ok NF | ok NF';
export const items = (r: unknown) => (r as { items: { id: string }[] }).items.map((i) => i.id);
export const unitOf = (f: Fixture, t: Target) => (t === 'own' ? f.units.U1 : f.units.U4);
export const officeOf = (f: Fixture, t: Target) => (t === 'own' ? f.offices.D1 : f.offices.C2);
export const campaignOf = (f: Fixture, t: Target) => (t === 'own' ? f.campaigns.U1 : f.campaigns.U4);
