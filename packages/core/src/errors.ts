/**
 * Every failure a user can meet has a stable code. The code picks the transport status
 * (tRPC/HTTP) and the translated message a UI shows; `message` is the English fallback
 * for API clients and logs.
 */
export const TRANSPORT_CODES = [
  'BAD_REQUEST',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'TOO_MANY_REQUESTS',
  'INTERNAL_SERVER_ERROR',
] as const;
export type TransportCode = (typeof TRANSPORT_CODES)[number];

export const APP_ERROR_CODES = {
  BAD_REQUEST: 'BAD_REQUEST',
  VALIDATION_FAILED: 'BAD_REQUEST',
  UNAUTHORIZED: 'UNAUTHORIZED',
  INVALID_CREDENTIALS: 'UNAUTHORIZED',
  SESSION_EXPIRED: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  CROSS_ORIGIN_REFUSED: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  STALE_VERSION: 'CONFLICT',
  UNIT_CODE_TAKEN: 'CONFLICT',
  USERNAME_TAKEN: 'CONFLICT',
  DEPARTMENT_NOT_IN_UNIT: 'BAD_REQUEST',
  OFFICE_OUT_OF_SCOPE: 'BAD_REQUEST',
  ROLE_SCOPE_MISMATCH: 'BAD_REQUEST',
  FRAMEWORK_INVALID: 'BAD_REQUEST',
  FRAMEWORK_EXISTS: 'CONFLICT',
  FRAMEWORK_NOT_PUBLISHED: 'CONFLICT',
  CAMPAIGN_NOT_OPENABLE: 'CONFLICT',
  CAMPAIGN_ALREADY_OPEN: 'CONFLICT',
  ILLEGAL_TRANSITION: 'CONFLICT',
  TRANSITION_BLOCKED: 'CONFLICT',
  COMMENT_REQUIRED: 'BAD_REQUEST',
  INDICATOR_NOT_IN_FRAMEWORK: 'BAD_REQUEST',
  CAMPAIGN_CLOSED: 'CONFLICT',
  FILE_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FILE_EMPTY: 'BAD_REQUEST',
  FILE_TYPE_REFUSED: 'BAD_REQUEST',
  EVIDENCE_RETRACTED: 'CONFLICT',
  SURVEY_NOT_FOUND: 'NOT_FOUND',
  SURVEY_CLOSED: 'CONFLICT',
  ALREADY_ANSWERED: 'CONFLICT',
  RATE_LIMITED: 'TOO_MANY_REQUESTS',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  LOGIN_THROTTLED: 'TOO_MANY_REQUESTS',
  IMPORT_FILE_UNREADABLE: 'BAD_REQUEST',
  IMPORT_TOO_MANY_ROWS: 'BAD_REQUEST',
  IMPORT_INVALID: 'BAD_REQUEST',
  IMPORT_ALREADY_COMMITTED: 'CONFLICT',
  NOTICE_WINDOW_CLOSED: 'CONFLICT',
  OBJECTION_ANSWERED: 'CONFLICT',
  INSPECTION_NOT_VISIBLE: 'BAD_REQUEST',
  REPORT_NOT_DUE: 'BAD_REQUEST',
  REPORT_ALREADY_FILED: 'CONFLICT',
  NOT_UNDER_ASSESSMENT: 'CONFLICT',
  SELF_ASSESSMENT_SUBMITTED: 'CONFLICT',
  SCORES_SUBMITTED: 'CONFLICT',
  ASSESSMENT_INCOMPLETE: 'CONFLICT',
  NOT_AN_ASSESSOR: 'BAD_REQUEST',
  ASSESSOR_SUBMITTED: 'CONFLICT',
  INSPECTION_NOT_OF_UNIT: 'BAD_REQUEST',
  POINTS_ABOVE_MAXIMUM: 'BAD_REQUEST',
  EVIDENCE_NOT_IN_CAMPAIGN: 'BAD_REQUEST',
  VETO_NOT_IN_FRAMEWORK: 'BAD_REQUEST',
  VETO_CONFIRMED: 'CONFLICT',
  OUTCOME_MISMATCH: 'BAD_REQUEST',
  BELOW_THRESHOLD: 'CONFLICT',
  NO_PASS_THRESHOLD: 'CONFLICT',
  OUTSIDE_QUOTA: 'CONFLICT',
  NOTICE_REQUIRED: 'CONFLICT',
  NOTICE_WINDOW_OPEN: 'CONFLICT',
  OBJECTIONS_OPEN: 'CONFLICT',
  OBJECTION_UPHELD: 'CONFLICT',
  ALREADY_DECIDED: 'CONFLICT',
  STATUS_STEP_NOT_ALLOWED: 'CONFLICT',
  INTERNAL: 'INTERNAL_SERVER_ERROR',
} as const satisfies Record<string, TransportCode>;

export type AppErrorCode = keyof typeof APP_ERROR_CODES;

export interface AppErrorOptions {
  message?: string;
  /** Values a translated message interpolates, e.g. `{ phase: 'draft' }`. */
  params?: Record<string, string | number | string[]>;
  /** Field-level messages, keyed by dotted path. */
  fields?: Record<string, string>;
  cause?: unknown;
}

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly params: Record<string, string | number | string[]>;
  readonly fields: Record<string, string> | undefined;

  constructor(code: AppErrorCode, options: AppErrorOptions = {}) {
    super(options.message ?? code, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.params = options.params ?? {};
    this.fields = options.fields;
  }

  get transportCode(): TransportCode {
    return APP_ERROR_CODES[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
