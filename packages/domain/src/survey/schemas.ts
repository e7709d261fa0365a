import { z } from 'zod';
import { ZCursor, ZId, ZIsoDate, ZIsoDateTime, ZLimit, zName, zPage, zText } from '../common/schemas';

export const QUESTION_KINDS = ['single', 'multiple', 'scale5', 'text'] as const;
export const ZQuestionKind = z.enum(QUESTION_KINDS);
const zBi = (max: number) => z.object({ zh: zName(max), en: zText(max).default('') });
const zKey = z.string().regex(/^[a-z0-9_-]{1,32}$/, { message: 'letters, digits, - and _ only' });

export const ZQuestion = z
  .object({
    id: zKey,
    kind: ZQuestionKind,
    required: z.boolean().default(true),
    title: zBi(300),
    options: z
      .array(z.object({ id: zKey, label: zBi(100) }))
      .max(30)
      .default([]),
    /** Free text only: the longest answer accepted. */
    maxLength: z.number().int().min(1).max(2000).default(500),
  })
  .refine(
    (q) => (q.kind === 'single' || q.kind === 'multiple' ? q.options.length >= 2 : q.options.length === 0),
    {
      message: 'choice questions need at least two options; other questions none',
      path: ['options'],
    },
  );
export type TQuestion = z.infer<typeof ZQuestion>;

export const ZQuestionnaire = z
  .array(ZQuestion)
  .min(1)
  .max(60)
  .refine((qs) => new Set(qs.map((q) => q.id)).size === qs.length, { message: 'question ids must be unique' })
  .refine((qs) => qs.every((q) => new Set(q.options.map((o) => o.id)).size === q.options.length), {
    message: 'option ids must be unique within a question',
  });

export const ZSurveyAudience = z.enum(['public', 'staff']);
export const ZSurveyStatus = z.enum(['draft', 'open', 'closed']);

export const ZCreateSurvey = z.object({
  /** An office survey targets units below it; a unit's targets itself. */
  officeId: ZId.optional(),
  unitIds: z.array(ZId).min(1).max(5000),
  title: zBi(200),
  description: zText(2000).default(''),
  /** The introduction in English; respondents reading English fall back to the Chinese one when empty. */
  descriptionEn: zText(2000).default(''),
  audience: ZSurveyAudience,
  questions: ZQuestionnaire,
  opensOn: ZIsoDate,
  closesOn: ZIsoDate,
  /** Indicator codes whose method is 问卷调查: the results are shown beside them as a score suggestion. */
  indicatorCodes: z.array(zText(64)).max(50).default([]),
});

export const ZSurveySummary = z.object({
  id: ZId,
  officeId: ZId,
  unitId: ZId.nullable(),
  title: z.object({ zh: z.string(), en: z.string() }),
  audience: ZSurveyAudience,
  status: ZSurveyStatus,
  opensOn: ZIsoDate,
  closesOn: ZIsoDate,
  targets: z.number().int(),
  responses: z.number().int(),
  createdAt: ZIsoDateTime,
});
export const ZSurveyPage = zPage(ZSurveySummary);
export const ZListSurveys = z.object({
  unitId: ZId.optional(),
  status: ZSurveyStatus.optional(),
  cursor: ZCursor.optional(),
  limit: ZLimit,
});

export const ZSurvey = ZSurveySummary.extend({
  description: z.string(),
  descriptionEn: z.string(),
  questions: ZQuestionnaire,
  indicatorCodes: z.array(z.string()),
  /** Each target unit's public link: its token (for the QR code) and the address respondents open. */
  links: z.array(
    z.object({
      unitId: ZId,
      unitName: z.string(),
      token: z.string(),
      /** Absolute when the server knows its public address; otherwise `/s/<token>` on this host. */
      url: z.string(),
      responses: z.number().int(),
    }),
  ),
});

/** What a respondent's phone gets: only what is needed to answer. */
export const ZPublicSurvey = z.object({
  title: z.object({ zh: z.string(), en: z.string() }),
  description: z.string(),
  descriptionEn: z.string(),
  unitName: z.string(),
  questions: ZQuestionnaire,
  closesOn: ZIsoDate,
});

export const ZAnswerValue = z.union([z.string().max(4000), z.array(z.string().max(64)).max(30), z.number()]);
export const ZSubmitAnswers = z.object({
  token: z.string().min(8).max(64),
  /** A random id the browser keeps per survey: one answer per browser. */
  respondent: z.string().min(16).max(64),
  answers: z.record(z.string().max(32), ZAnswerValue),
});
export const ZSubmitResult = z.object({ ok: z.literal(true) });

export const ZSurveyResults = z.object({
  surveyId: ZId,
  responses: z.number().int(),
  units: z.array(
    z.object({
      unitId: ZId,
      unitName: z.string(),
      responses: z.number().int(),
      /** Share of scale answers that are satisfied or very satisfied (4 or 5). */
      satisfaction: z.number().nullable(),
      mean: z.number().nullable(),
    }),
  ),
  questions: z.array(
    z.object({
      id: z.string(),
      kind: ZQuestionKind,
      answered: z.number().int(),
      satisfaction: z.number().nullable(),
      mean: z.number().nullable(),
      options: z.array(z.object({ id: z.string(), count: z.number().int() })),
      /** Five-point questions: how many answered 1, 2, 3, 4 and 5. */
      distribution: z.array(z.number().int()).length(5).nullable(),
      /** Free text: only for staff of the owning unit or office, never for analysts. */
      texts: z.array(z.string()).nullable(),
    }),
  ),
  trend: z.array(
    z.object({ day: ZIsoDate, responses: z.number().int(), satisfaction: z.number().nullable() }),
  ),
});
export type TSurveyResults = z.infer<typeof ZSurveyResults>;
