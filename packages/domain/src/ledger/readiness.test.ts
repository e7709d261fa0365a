import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lagDays, matchMaterials, weightedReadiness } from './readiness';

describe('required materials', () => {
  it('are met by a declared material or a title naming them', () => {
    const result = matchMaterials(
      ['领导小组文件', '会议纪要'],
      [
        { id: 'a', title: '关于成立创建工作领导小组的通知', materials: ['领导小组文件'] },
        { id: 'b', title: '第一季度领导小组会议纪要', materials: [] },
      ],
    );
    expect(result.materials).toEqual([
      { name: '领导小组文件', met: true, evidenceIds: ['a'] },
      { name: '会议纪要', met: true, evidenceIds: ['b'] },
    ]);
    expect(result.readiness).toBe(1);
  });

  it('show the gaps, and readiness stays within 0…1', () => {
    expect(matchMaterials(['安全检查记录'], []).readiness).toBe(0);
    expect(matchMaterials([], []).readiness).toBe(0);
    expect(matchMaterials([], [{ id: 'x', title: 'x', materials: [] }]).readiness).toBe(1);
    fc.assert(
      fc.property(
        fc.array(fc.string(), { maxLength: 5 }),
        fc.array(fc.record({ id: fc.uuid(), title: fc.string(), materials: fc.array(fc.string()) })),
        (req, filed) => {
          const r = matchMaterials(req, filed).readiness;
          expect(r).toBeGreaterThanOrEqual(0);
          expect(r).toBeLessThanOrEqual(1);
        },
      ),
    );
  });

  it('weighs categories by points', () => {
    expect(
      weightedReadiness([
        { points: 10, readiness: 1 },
        { points: 30, readiness: 0 },
      ]),
    ).toBe(0.25);
  });

  it('counts the lag from event to filing in China’s calendar', () => {
    expect(lagDays('2026-11-20', new Date('2026-11-27T01:00:00Z'))).toBe(7);
    expect(lagDays('2026-11-27', new Date('2026-11-26T17:00:00Z'))).toBe(0);
  });
});
