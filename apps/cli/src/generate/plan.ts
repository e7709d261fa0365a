import { createHash } from 'node:crypto';

/** How much of everything a scale makes. City scale is the goal of issue #9. */
export interface Plan {
  districts: number;
  units: number;
  tasksPerUnit: number;
  evidencePerUnit: number;
  answersPerUnit: number;
  /** Distinct files attached to the first unit's ledger (the archive export bench). */
  archiveFiles: number;
  /** Inspections per district (each visits `inspectedPerInspection` units). */
  inspectionsPerDistrict: number;
  inspectedPerInspection: number;
}

export const SCALES = {
  small: {
    districts: 2,
    units: 200,
    tasksPerUnit: 50,
    evidencePerUnit: 20,
    answersPerUnit: 100,
    archiveFiles: 2000,
    inspectionsPerDistrict: 2,
    inspectedPerInspection: 20,
  },
  district: {
    districts: 3,
    units: 1000,
    tasksPerUnit: 50,
    evidencePerUnit: 100,
    answersPerUnit: 200,
    archiveFiles: 2000,
    inspectionsPerDistrict: 4,
    inspectedPerInspection: 40,
  },
  city: {
    districts: 12,
    units: 5000,
    tasksPerUnit: 50,
    evidencePerUnit: 200,
    answersPerUnit: 400,
    archiveFiles: 2000,
    inspectionsPerDistrict: 4,
    inspectedPerInspection: 60,
  },
} as const satisfies Record<string, Plan>;
export type Scale = keyof typeof SCALES;

/** mulberry32: small, fast and the same on every machine for a given seed. */
export function rng(seed: number) {
  let a = seed >>> 0 || 1;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A generator per (seed, stream, n), so one unit's data does not depend on the order units are made in. */
export function rngFor(seed: number, stream: string, n: number | string) {
  return rng(createHash('md5').update(`${seed}:${stream}:${n}`).digest().readUInt32LE(0));
}

export const pick = <T>(random: () => number, list: readonly T[]): T =>
  list[Math.floor(random() * list.length)]!;

/** A UUID derived from the seed and a name: the same seed gives the same ids, so the same hash chains. */
export function idOf(seed: number, kind: string, n: number | string): string {
  const h = createHash('md5').update(`${seed}:${kind}:${n}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const DAY = 86_400_000;
/** A calendar date `days` after `from` (both `YYYY-MM-DD`). */
export function addDays(from: string, days: number): string {
  return new Date(Date.parse(`${from}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}
/** A moment on a calendar day in China time, `minutes` after 08:00. */
export function onDay(date: string, minutes: number): Date {
  return new Date(Date.parse(`${date}T08:00:00+08:00`) + minutes * 60_000);
}
