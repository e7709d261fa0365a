import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { isAppError } from '@wenming/core';
import { useTestDb } from '@wenming/db/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { fieldErrors } from '../errors';
import { appRouter } from '../router';
import { type Caller, callerAs, createFixture, type Fixture } from '../testing/index';
import { databaseState } from './database-state';
import { invalidInput, knownKeys } from './invalid-inputs';

/**
 * Every procedure of the router, found by walking it (a new one is covered without a
 * line here), receives generated invalid inputs. FUZZ_RUNS raises the count per procedure
 * for a deeper run; the default keeps the CI pass quick.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
interface Parser {
  safeParse(value: unknown): { success: boolean };
}
const procedures = Object.entries(
  appRouter._def.procedures as unknown as Record<string, { _def: { inputs: Parser[]; type: string } }>,
).map(([path, p]) => ({ path, type: p._def.type, inputs: p._def.inputs }));

let fixture: Fixture;
const t = useTestDb(async (db) => {
  fixture = await createFixture(db);
});

function invalidFor(inputs: Parser[], value: unknown): boolean {
  try {
    return inputs.some((schema) => !schema.safeParse(value).success);
  } catch {
    // A schema that throws instead of answering is itself a finding: send it.
    return true;
  }
}

function call(caller: Caller, path: string, input: unknown): Promise<unknown> {
  type Node = Record<string, unknown> & ((input: unknown) => Promise<unknown>);
  const fn = path.split('.').reduce<Node>((node, key) => node[key] as Node, caller as unknown as Node);
  return fn(input);
}

/** A refusal a client can act on: a 4xx, and for bad input the fields at fault. */
function expectClearRefusal(path: string, input: unknown, error: unknown) {
  const described = `${path}(${JSON.stringify(input)?.slice(0, 200)})`;
  expect(error, described).toBeInstanceOf(TRPCError);
  const e = error as TRPCError;
  expect(getHTTPStatusCodeFromError(e), `${described} → ${e.code}: ${e.message}`).toBeLessThan(500);
  if (e.code === 'BAD_REQUEST') {
    const fields =
      e.cause instanceof ZodError ? fieldErrors(e.cause) : isAppError(e.cause) ? e.cause.fields : null;
    expect(
      Object.keys(fields ?? {}).length,
      `${described}: no field named (${e.message}; ${String(e.cause)})`,
    ).toBeGreaterThan(0);
  }
}

describe('generated invalid input', () => {
  it('finds every procedure, each declaring its input (the house rule the fuzzing relies on)', () => {
    expect(procedures.length).toBeGreaterThan(100);
    expect(procedures.filter((p) => p.inputs.length === 0).map((p) => p.path)).toEqual([]);
  });

  it(`refuses ${RUNS} invalid inputs per procedure with a 4xx and field messages, and stores nothing`, async () => {
    const admin = await callerAs(t.db, fixture.users.cityAdmin);
    const anonymous = await callerAs(t.db, null);
    const before = await databaseState(t.db);
    let calls = 0;
    for (const { path, inputs } of procedures) {
      const arbitrary = invalidInput(inputs.flatMap(knownKeys)).filter((v) => invalidFor(inputs, v));
      await fc.assert(
        fc.asyncProperty(arbitrary, fc.boolean(), async (input, signedIn) => {
          calls++;
          const outcome = await call(signedIn ? admin : anonymous, path, input).then(
            () => ({ ok: true as const }),
            (error: unknown) => ({ ok: false as const, error }),
          );
          expect(outcome.ok, `${path} accepted invalid input ${JSON.stringify(input)?.slice(0, 200)}`).toBe(
            false,
          );
          if (!outcome.ok) expectClearRefusal(path, input, outcome.error);
        }),
        { numRuns: RUNS, endOnFailure: true },
      );
    }
    expect(calls).toBe(RUNS * procedures.length);
    expect(await databaseState(t.db)).toEqual(before);
  }, 600_000);
});
