export { ApiProvider } from './api/ApiProvider';
export {
  type ApiErrorInfo,
  apiErrorInfo,
  isSignedOutError,
  useApplyFieldErrors,
  useErrorMessage,
} from './api/errors';
export { useTRPC, useTRPCClient } from './api/trpc';
export { type Toast, useToast } from './app/feedback';
export { mountApp, type SpaDefinition } from './app/mountApp';
export { CampaignFacts, localized } from './campaign/CampaignFacts';
export { CampaignRollups } from './campaign/CampaignRollups';
export { BlockedReasons, type FixLinks } from './campaign/guards';
export { type CategoryOption, frameworkIndicators } from './campaign/indicators';
export { LatestNotice } from './campaign/LatestNotice';
export { LeadingGroupTable, LeadingRoleTag } from './campaign/LeadingGroupTable';
export { NextStepButtons, stepLabelKey } from './campaign/NextStepButtons';
export { PhaseSteps } from './campaign/PhaseSteps';
export { PHASE_PATH, PhaseTag } from './campaign/PhaseTag';
export { campaignSubject, taskSubject, unitTaskSubject } from './campaign/subjects';
export { type IndicatorOption, TaskFilterBar } from './campaign/TaskFilterBar';
export { percentDone, TaskProgress } from './campaign/TaskProgress';
export { Deadline, TASK_STATUS_BADGES, TASK_STATUS_COLORS, TaskStatusTag } from './campaign/TaskStatusTag';
export { TaskTable, type TaskTableProps } from './campaign/TaskTable';
export { TransitionHistory } from './campaign/TransitionHistory';
export { type TaskFilters, taskListInput, useTaskFilters } from './campaign/useTaskFilters';
export { FormModal } from './forms/FormModal';
export { blankToUndefined, type FieldHints, useZodRule, useZodSubmit } from './forms/zod-rules';
export { i18n, LANGUAGES, type Language, setLanguage, useLanguage } from './i18n';
export { LanguageSwitch } from './i18n/LanguageSwitch';
export { AppShell, type NavItem } from './layout/AppShell';
export { type AppKind, BrandMark, BrandTitle } from './layout/Brand';
export { type CursorStack, KeysetPager, useCursorStack } from './layout/KeysetPager';
export { type Crumb, PageContainer } from './layout/PageContainer';
export { CrashPage, NotFoundPage, PageErrorBoundary } from './layout/RoutePages';
export { EmptyState, ErrorState, LoadingState, Notice, type NoticeKind } from './layout/states';
export { ArchiveExportButton } from './ledger/ArchiveExportButton';
export { type Duty, DutyGrid, DutyLegend } from './ledger/DutyGrid';
export { EvidenceAttachments, EvidenceDetail, EvidenceHistory } from './ledger/EvidenceDetail';
export { EvidenceTable } from './ledger/EvidenceTable';
export { type FilePrefill, GapList, gapCount, gapsOf } from './ledger/GapList';
export { IndicatorPanel } from './ledger/IndicatorPanel';
export { IndicatorTree, MaterialChip } from './ledger/IndicatorTree';
export { LedgerSummary } from './ledger/LedgerSummary';
export { LedgerView } from './ledger/LedgerView';
export { loadLedgerStrings } from './ledger/strings';
export { evidenceSubject, unitDutySubject } from './ledger/subjects';
export { EvidenceKindTag, LagBadge, ReadinessBar, RetractedTag } from './ledger/tags';
export { archiveUrl, attachmentUrl, formatBytes, percent } from './ledger/urls';
export {
  type Ledger,
  type LedgerCategory,
  type LedgerIndicator,
  type LedgerMaterial,
  ledgerTree,
  useLedger,
} from './ledger/useLedger';
export { AuthGate } from './session/AuthGate';
export { ME_QUERY_KEY, useMeQuery } from './session/me-query';
export {
  Can,
  SessionProvider,
  unitSubject,
  useAppAbility,
  useLogin,
  useLogout,
  useMe,
} from './session/session';
export { formatDate, formatDateTime, formatTerm } from './status/format';
export { STATUS_ACTION_COLORS, StatusLevelTag } from './status/StatusLevelTag';
export {
  formatMean,
  formatShare,
  publicSurveyUrl,
  type SurveyStatus,
  surveySubject,
  type TSurvey,
  type TSurveySummary,
} from './survey/model';
export { QuestionsPreview } from './survey/QuestionsPreview';
export { type BuilderValues, type IndicatorChoice, SurveyBuilder } from './survey/SurveyBuilder';
export { SurveyDetail } from './survey/SurveyDetail';
export { SurveyLinks } from './survey/SurveyLinks';
export { SurveyList } from './survey/SurveyList';
export { SurveyResults } from './survey/SurveyResults';
export { type SurveyPhase, SurveyStatusTag, surveyPhase } from './survey/SurveyStatusTag';
export { SurveyTable } from './survey/SurveyTable';
export { loadSurveyStrings } from './survey/strings';
export { StatusHistory } from './units/StatusHistory';
export { UnitProfile } from './units/UnitProfile';
