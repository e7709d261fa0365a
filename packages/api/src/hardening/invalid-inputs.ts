import fc from 'fast-check';

/**
 * Values that break naive code: huge and empty strings, unicode edge cases (lone
 * surrogates, NUL, bidi overrides, zero-width, astral characters), injection strings,
 * negative, fractional, overflowing and non-finite numbers, prototype-polluting keys and
 * values of every wrong type.
 */
const nastyStrings = [
  '',
  ' ',
  'a'.repeat(100_000),
  '文'.repeat(20_000),
  '\u0000',
  'x\u0000y',
  '\uD800',
  '\uDFFF\uD800',
  '\u202Eevil',
  '\u200B\u200D\uFEFF',
  'e\u0301'.repeat(500),
  '𝕏'.repeat(1000),
  "' OR 1=1 --",
  "'; drop table units; --",
  '"; select pg_sleep(10); --',
  '\\',
  '%',
  '_%\\%',
  '<script>alert(1)</script>',
  ['$', '{7*7}{{7*7}}'].join(''),
  '../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '__proto__',
  'constructor',
  'null',
  'NaN',
  '00000000-0000-0000-0000-000000000000',
  '2026-02-30',
  '9999-99-99',
  '{"$gt":""}',
];
const nastyNumbers = [
  -1,
  -0,
  0.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER + 2,
  2 ** 31,
  -(2 ** 31) - 1,
  Number.MIN_VALUE,
];

const leaf: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...nastyStrings),
  fc.constantFrom(...nastyNumbers),
  fc.constantFrom(null, undefined, true, false),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.constant([]),
  fc.constant({}),
  fc.constant(JSON.parse('{"__proto__":{"polluted":true}}')),
);

/** A nasty value, sometimes nested in arrays or objects. */
export const nastyValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.dictionary(
    fc.constantFrom('id', 'name', 'title', '__proto__', 'constructor', 'x'),
    tie('value'),
    {
      maxKeys: 3,
    },
  ),
})).value;

/** Field names an input schema knows, so generated objects reach past the first check. */
export function knownKeys(schema: unknown): string[] {
  let current = schema as
    | { shape?: Record<string, unknown>; _zod?: { def?: Record<string, unknown> } }
    | undefined;
  for (let i = 0; i < 6 && current; i++) {
    if (current.shape && typeof current.shape === 'object') return Object.keys(current.shape);
    const def = current._zod?.def;
    current = (def?.innerType ?? def?.in ?? def?.schema) as typeof current;
  }
  return [];
}

/** An input for a procedure with these fields: each one missing or of a nasty value, or the whole input wrong. */
export function invalidInput(keys: string[]): fc.Arbitrary<unknown> {
  const shaped =
    keys.length === 0
      ? nastyValue
      : fc.record(Object.fromEntries(keys.map((k) => [k, nastyValue])), { requiredKeys: [] });
  return fc.oneof({ weight: 4, arbitrary: shaped }, { weight: 1, arbitrary: nastyValue }).map(asParsed);
}

/**
 * Objects as JSON.parse builds them (an own `__proto__` key, an ordinary prototype):
 * fast-check makes some without a prototype, which no request body can carry. Non-finite
 * numbers stay — stricter than JSON allows.
 */
function asParsed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(asParsed);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    Object.defineProperty(out, key, {
      value: asParsed((value as Record<string, unknown>)[key]),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}
