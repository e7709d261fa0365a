import { AppError } from '@wenming/core';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { readAnswerBody, ZAnswerBody } from './public-answer';

// readAnswerBody checks the usual body by hand and leaves everything else to zod: whatever
// a respondent sends, it must accept exactly what ZAnswerBody accepts, with the same values,
// and refuse the rest with zod's field messages.
// Mostly well-formed bodies with a value at or just past one of the limits now and then,
// so that every limit is crossed by bodies that are otherwise fine.
const near = (limit: number) =>
  fc.oneof(fc.string({ maxLength: 8 }), fc.string({ minLength: limit - 1, maxLength: limit + 1 }));
const nearArray = (limit: number) =>
  fc.oneof(
    fc.array(near(64), { maxLength: 3 }),
    fc.array(fc.string({ maxLength: 2 }), { minLength: limit - 1, maxLength: limit + 1 }),
  );
const value = fc.oneof(
  { weight: 6, arbitrary: fc.oneof(fc.integer({ min: -2, max: 8 }), near(4000), nearArray(30)) },
  {
    weight: 1,
    arbitrary: fc.oneof(
      fc.double(),
      fc.constantFrom(null, true, Number.POSITIVE_INFINITY, Number.NaN),
      fc.record({ x: fc.integer() }),
      fc.array(fc.integer(), { maxLength: 2 }),
    ),
  },
);
const body = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record(
      {
        respondent: fc.oneof(near(16), near(64), fc.string({ minLength: 17, maxLength: 63 }), fc.integer()),
        answers: fc.oneof(
          { weight: 6, arbitrary: fc.dictionary(near(32), value, { maxKeys: 3 }) },
          { weight: 1, arbitrary: fc.constantFrom(null, [], 'x', 5) },
        ),
        extra: fc.anything(),
      },
      { requiredKeys: ['respondent', 'answers'] },
    ),
  },
  { weight: 1, arbitrary: fc.anything() },
);

function outcome(read: () => unknown) {
  try {
    return { ok: read() };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { error: { code: error.code, fields: error.fields } };
  }
}

it('accepts exactly the bodies zod accepts, with the same values and the same refusals', () => {
  fc.assert(
    fc.property(body, (sent) => {
      const parsed = ZAnswerBody.safeParse(sent);
      const read = outcome(() => readAnswerBody(sent));
      if (parsed.success) expect(read).toEqual({ ok: parsed.data });
      else expect(read.error?.code).toBe('VALIDATION_FAILED');
    }),
    { numRuns: 5000 },
  );
});

it('reads a typical answer as it was sent, and names the fields of a broken one', () => {
  const sent = { respondent: 'a'.repeat(32), answers: { overall: 5, who: 'visitor', why: ['a', 'b'] } };
  expect(readAnswerBody(sent)).toEqual(sent);
  expect(readAnswerBody({ ...sent, token: 'ignored' })).toEqual(sent);
  expect(outcome(() => readAnswerBody({ respondent: 'short', answers: { overall: 5 } }))).toMatchObject({
    error: { code: 'VALIDATION_FAILED', fields: { respondent: expect.any(String) } },
  });
  expect(
    outcome(() => readAnswerBody({ respondent: 'a'.repeat(32), answers: { overall: 'x'.repeat(4001) } })),
  ).toMatchObject({
    error: { code: 'VALIDATION_FAILED', fields: { 'answers.overall': expect.any(String) } },
  });
});
