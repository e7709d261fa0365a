import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assessmentResult,
  finalIndicatorScore,
  GRADES,
  indicatorPoints,
  rankResults,
  type ScoredCategory,
  type ScoredIndicator,
} from './scoring';

const anyNumber = fc.oneof(
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0),
);
const entry = fc.oneof(
  anyNumber.map((points) => ({ points })),
  fc.constantFrom(...GRADES).map((grade) => ({ grade })),
  anyNumber.map((deduction) => ({ deduction })),
);
const maxPoints = fc.integer({ min: 0, max: 40 }).map((n) => n / 2);

/** A framework: basic categories, maybe a bonus category, indicators scored or not, some exempt. */
const framework = fc
  .record({
    basic: fc.array(fc.array(maxPoints, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 }),
    bonus: fc.option(fc.array(maxPoints, { minLength: 1, maxLength: 3 }), { nil: null }),
    specialCap: fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }),
    rescaleExempt: fc.boolean(),
    passThreshold: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
    confirmedVetoes: fc.integer({ min: 0, max: 2 }),
  })
  .chain((shape) => {
    const cats = [...shape.basic.map((pts) => ({ pts, special: false }))];
    if (shape.bonus) cats.push({ pts: shape.bonus, special: true });
    const categories: ScoredCategory[] = cats.map((c, i) => ({
      id: `c${i}`,
      special: c.special,
      points: c.pts.reduce((a, b) => a + b, 0),
    }));
    const specs = cats.flatMap((c, i) => c.pts.map((points) => ({ categoryId: `c${i}`, points })));
    const indicators = fc.tuple(
      ...specs.map((s) =>
        fc.record({
          categoryId: fc.constant(s.categoryId),
          points: fc.constant(s.points),
          exempt: fc.boolean(),
          score: fc.option(anyNumber, { nil: null }),
        }),
      ),
    );
    return indicators.map((inds) => ({ shape, categories, indicators: inds as ScoredIndicator[] }));
  });

describe('indicator points', () => {
  it('never go below zero nor above the indicator points, whatever is entered', () => {
    fc.assert(
      fc.property(entry, maxPoints, (e, max) => {
        const p = indicatorPoints(e, max);
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(max);
        expect(Number.isFinite(p)).toBe(true);
      }),
    );
  });

  it('stop deductions at zero (扣完为止) and map grades to shares of the points', () => {
    expect(indicatorPoints({ deduction: 3 }, 2)).toBe(0);
    expect(indicatorPoints({ deduction: 0.5 }, 2)).toBe(1.5);
    expect(indicatorPoints({ grade: 'B' }, 10)).toBe(6.6);
    expect(indicatorPoints({ grade: 'D' }, 10)).toBe(0);
    expect(indicatorPoints({ points: 12 }, 10)).toBe(10);
  });

  it('take the moderated value over the assessors’ mean', () => {
    expect(finalIndicatorScore([4, 5], null)).toBe(4.5);
    expect(finalIndicatorScore([4, 5], 3)).toBe(3);
    expect(finalIndicatorScore([], null)).toBeNull();
  });
});

describe('assessment result', () => {
  it('is never negative and never above the basic maximum plus the bonus cap', () => {
    fc.assert(
      fc.property(framework, ({ shape, categories, indicators }) => {
        const r = assessmentResult(categories, indicators, shape);
        expect(r.total).toBeGreaterThanOrEqual(0);
        expect(r.basic).toBeLessThanOrEqual(r.basicMax + 1e-9);
        expect(r.bonus).toBeLessThanOrEqual(r.bonusMax + 1e-9);
        expect(r.total).toBeLessThanOrEqual(r.basicMax + r.bonusMax + 0.011);
        for (const c of r.categories) expect(c.score).toBeLessThanOrEqual(c.max + 1e-9);
      }),
    );
  });

  it('lets a confirmed veto fail the campaign whatever the score (一票否决)', () => {
    fc.assert(
      fc.property(framework, ({ shape, categories, indicators }) => {
        const full = indicators.map((i) => ({ ...i, score: i.points }));
        const r = assessmentResult(categories, full, { ...shape, confirmedVetoes: 1, passThreshold: 0 });
        expect(r.vetoed).toBe(true);
        expect(r.passed).toBe(false);
      }),
    );
  });

  it('caps bonus points at the special cap', () => {
    const categories = [
      { id: 'b', points: 10, special: false },
      { id: 's', points: 10, special: true },
    ];
    const indicators = [
      { categoryId: 'b', points: 10, exempt: false, score: 8 },
      { categoryId: 's', points: 5, exempt: false, score: 5 },
      { categoryId: 's', points: 5, exempt: false, score: 4 },
    ];
    const r = assessmentResult(categories, indicators, {
      specialCap: 3,
      rescaleExempt: false,
      passThreshold: 10,
      confirmedVetoes: 0,
    });
    expect(r).toMatchObject({ basic: 8, bonus: 3, total: 11, passed: true });
  });

  it('rescales exempt indicators when the office says so, and shrinks the maximum otherwise', () => {
    const categories = [{ id: 'b', points: 10, special: false }];
    const indicators = [
      { categoryId: 'b', points: 6, exempt: false, score: 3 },
      { categoryId: 'b', points: 4, exempt: true, score: null },
    ];
    const rules = { specialCap: null, rescaleExempt: true, passThreshold: null, confirmedVetoes: 0 };
    expect(assessmentResult(categories, indicators, rules)).toMatchObject({
      basic: 5,
      basicMax: 10,
      passed: null,
    });
    expect(assessmentResult(categories, indicators, { ...rules, rescaleExempt: false })).toMatchObject({
      basic: 3,
      basicMax: 6,
    });
  });

  it('scales a full score with exemptions to the full basic maximum', () => {
    fc.assert(
      fc.property(framework, ({ shape, categories, indicators }) => {
        const full = indicators.map((i) => ({ ...i, score: i.points }));
        const r = assessmentResult(categories, full, { ...shape, rescaleExempt: true, confirmedVetoes: 0 });
        const anyAssessed = full.some(
          (i) => !i.exempt && i.points > 0 && !categories.find((c) => c.id === i.categoryId)?.special,
        );
        if (anyAssessed) expect(r.basic).toBeCloseTo(r.basicMax, 1);
      }),
    );
  });
});

describe('ranking', () => {
  it('shares a rank between equal totals and keeps failed campaigns out of the quota', () => {
    const ranked = rankResults(
      [
        { id: 'a', total: 90, passed: true },
        { id: 'b', total: 95, passed: true },
        { id: 'c', total: 90, passed: true },
        { id: 'd', total: 99, passed: false },
      ],
      { count: 2, percent: null },
    );
    expect(ranked.map((r) => `${r.id}${r.rank}${r.withinQuota ? '+' : '-'}`)).toEqual([
      'd1-',
      'b2+',
      'a3-',
      'c3-',
    ]);
  });

  it('never puts more passed campaigns inside the quota than it allows, ties aside', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 0, max: 100 }),
        (totals, percent) => {
          const ranked = rankResults(
            totals.map((total, i) => ({ id: `u${i}`, total, passed: true })),
            { count: null, percent },
          );
          expect(ranked.filter((r) => r.withinQuota).length).toBe(
            Math.floor((totals.length * percent) / 100),
          );
        },
      ),
    );
  });
});
