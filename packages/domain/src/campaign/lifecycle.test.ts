import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CAMPAIGN_PHASES,
  type CampaignFacts,
  type CampaignPhase,
  checkTransition,
  OPEN_PHASES,
  TERMINAL_PHASES,
  TRANSITIONS,
  transitionsFrom,
} from './lifecycle';

const ready: CampaignFacts = {
  hasLeader: true,
  hasPlan: true,
  hasImplementationPlan: true,
  taskCount: 3,
  requiredTasksOpen: 0,
  confirmedVetoes: 0,
};
const factsArb = fc.record({
  hasLeader: fc.boolean(),
  hasPlan: fc.boolean(),
  hasImplementationPlan: fc.boolean(),
  taskCount: fc.nat(5),
  requiredTasksOpen: fc.nat(3),
  confirmedVetoes: fc.nat(1),
});

describe('campaign lifecycle', () => {
  it('never reaches an illegal state from random action sequences', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            to: fc.constantFrom(...CAMPAIGN_PHASES),
            as: fc.constantFrom<('advance' | 'review')[]>(['advance'], ['review'], ['advance', 'review']),
            facts: factsArb,
            comment: fc.option(fc.string(), { nil: undefined }),
          }),
          { maxLength: 30 },
        ),
        (actions) => {
          let phase: CampaignPhase = 'draft';
          for (const action of actions) {
            const check = checkTransition(phase, action.to, action.as, action.facts, action.comment);
            if (check.ok) {
              // Every move taken is one of the defined transitions, by a permitted side, guards passed.
              expect(TRANSITIONS).toContain(check.transition);
              expect(action.as).toContain(check.transition.permission);
              expect(check.transition.guard?.(action.facts) ?? []).toEqual([]);
              phase = action.to;
            } else if (check.reason === 'ILLEGAL') {
              expect(check.allowed).not.toContain(action.to);
            }
            expect(CAMPAIGN_PHASES).toContain(phase);
            // Nothing ever leaves a terminal phase.
            if (TERMINAL_PHASES.includes(phase)) expect(transitionsFrom(phase)).toEqual([]);
          }
        },
      ),
    );
  });

  it('lets every reachable phase still reach decided or withdrawn', () => {
    const reachable = new Set<CampaignPhase>(['draft']);
    let grew = true;
    while (grew) {
      grew = false;
      for (const t of TRANSITIONS) {
        if (reachable.has(t.from) && !reachable.has(t.to)) {
          reachable.add(t.to);
          grew = true;
        }
      }
    }
    expect([...reachable].sort()).toEqual([...CAMPAIGN_PHASES].sort());
    for (const start of reachable) {
      const seen = new Set<CampaignPhase>([start]);
      const queue = [start];
      while (queue.length) {
        const phase = queue.shift()!;
        for (const t of transitionsFrom(phase)) if (!seen.has(t.to)) seen.add(t.to) && queue.push(t.to);
      }
      expect(seen.has('decided') || seen.has('withdrawn'), start).toBe(true);
    }
  });

  it('guards leaving draft, starting implementation and submitting', () => {
    expect(
      checkTransition('draft', 'mobilization', ['advance'], { ...ready, hasLeader: false, hasPlan: false }),
    ).toEqual({
      ok: false,
      reason: 'GUARD',
      failures: ['NEEDS_LEADING_GROUP', 'NEEDS_PLAN'],
    });
    expect(
      checkTransition('mobilization', 'implementation', ['advance'], { ...ready, taskCount: 0 }),
    ).toMatchObject({
      failures: ['NEEDS_TASKS'],
    });
    expect(
      checkTransition('consolidation', 'submitted', ['advance'], { ...ready, requiredTasksOpen: 2 }),
    ).toMatchObject({
      failures: ['REQUIRED_TASKS_OPEN'],
    });
    expect(
      checkTransition('consolidation', 'submitted', ['advance'], { ...ready, confirmedVetoes: 1 }),
    ).toMatchObject({
      failures: ['CONFIRMED_VETO'],
    });
    expect(checkTransition('consolidation', 'submitted', ['advance'], ready).ok).toBe(true);
  });

  it('keeps the office’s steps for the office and names the allowed next phases', () => {
    expect(checkTransition('submitted', 'under_assessment', ['advance'], ready)).toEqual({
      ok: false,
      reason: 'ILLEGAL',
      allowed: [],
    });
    expect(checkTransition('draft', 'submitted', ['advance'], ready)).toEqual({
      ok: false,
      reason: 'ILLEGAL',
      allowed: ['mobilization', 'withdrawn'],
    });
    expect(checkTransition('submitted', 'under_assessment', ['review'], ready).ok).toBe(true);
  });

  it('asks for a reason when withdrawing or returning an application', () => {
    expect(checkTransition('implementation', 'withdrawn', ['advance'], ready)).toEqual({
      ok: false,
      reason: 'COMMENT_REQUIRED',
    });
    expect(checkTransition('submitted', 'consolidation', ['review'], ready, '材料不全')).toMatchObject({
      ok: true,
    });
    expect(OPEN_PHASES).not.toContain('decided');
  });
});
