import { describe, expect, it } from 'vitest';
import { appRouter } from '../router';
import { knownKeys } from './invalid-inputs';

/**
 * An edit of an existing record carries the version the editor started from, so two people
 * saving at once cannot silently overwrite each other (proved in concurrency.db.test.ts).
 * An edit procedure without one must be listed here, with why — a new one fails this test.
 */
const EDIT = /^(update|set|edit|save|configure|reply|answer|moderate|rename)/;
const WITHOUT_VERSION: Record<string, string> = {
  'notification.updateSettings': "a person's own settings: nobody else edits them",
  'report.setScheduleActive': 'a switch: the last word is the intent',
  'survey.answer': "not an edit: a respondent's one answer, stored once",
  'notice.answerObjection': 'answered once: a second answer is refused (OBJECTION_ANSWERED)',
};

const mutations = Object.entries(
  appRouter._def.procedures as unknown as Record<string, { _def: { inputs: unknown[]; type: string } }>,
).filter(([, p]) => p._def.type === 'mutation');

describe('edits carry versions', () => {
  it('every edit procedure takes the version it started from, or is listed with why', () => {
    const unversioned = mutations
      .filter(([path]) => EDIT.test(path.split('.')[1] ?? ''))
      .filter(([, p]) => !p._def.inputs.flatMap(knownKeys).some((k) => k === 'version' || k === 'revision'))
      .map(([path]) => path)
      .sort();
    expect(unversioned).toEqual(Object.keys(WITHOUT_VERSION).sort());
  });
});
