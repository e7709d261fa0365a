export { ChartCard, type ChartColumn } from './analytics/ChartCard';
export { EChart, type EChartHandle, type EChartsOption } from './analytics/EChart';
export { ExportMenu } from './analytics/ExportMenu';
export { ExportTableButton } from './analytics/ExportTableButton';
export {
  downloadCsv,
  downloadDataUrl,
  downloadXlsx,
  type ExportColumn,
  type ExportRow,
  saveBlob,
} from './analytics/export-file';
export { loadAnalyticsStrings } from './analytics/strings';
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
export { type LazyPage, lazyPage } from './app/lazyPage';
export { type LandingPrefetch, mountApp, type SpaDefinition } from './app/mountApp';
export { Certificate } from './assessment/Certificate';
export { CurrentTitleCard } from './assessment/CurrentTitleCard';
export { IndicatorFacts } from './assessment/IndicatorFacts';
export {
  byCategory,
  certificateUrl,
  entryOf,
  formatPoints,
  positiveOutcome,
  type ScoreMode,
  type ScoreValues,
  type TAssessment,
  type TAssessmentIndicator,
  type TAssessmentSummary,
  type TDecision,
  type TStatusRegisterEntry,
  valuesOf,
} from './assessment/model';
export { ResultPanel, useQuotaText } from './assessment/ResultPanel';
export { ScoreFields } from './assessment/ScoreFields';
export { loadAssessmentStrings } from './assessment/strings';
export { statusRecordSubject } from './assessment/subjects';
export { KindTag, OutcomeTag, PassTag, StandingTag } from './assessment/tags';
export { UnitDecisions } from './assessment/UnitDecisions';
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
export { type StoredFile, UploadError, uploadFile } from './files/upload';
export { FormModal, type FormModalProps } from './forms/FormModal';
export { SaveRefusal } from './forms/SaveRefusal';
export { blankToUndefined, type FieldHints, useZodRule, useZodSubmit } from './forms/zod-rules';
export { i18n, LANGUAGES, type Language, setLanguage, useLanguage } from './i18n';
export { byName, compareNames } from './i18n/collate';
export { LanguageSwitch } from './i18n/LanguageSwitch';
export { loadWorkStrings } from './i18n/work';
export { AppShell, type NavItem } from './layout/AppShell';
export { type AppKind, BrandMark, BrandTitle } from './layout/Brand';
export { type CursorStack, KeysetPager, useCursorStack } from './layout/KeysetPager';
export { type Crumb, PageContainer } from './layout/PageContainer';
export { CrashPage, NotFoundPage, PageErrorBoundary } from './layout/RoutePages';
export { type Breakpoint, usePhone, useScreen } from './layout/screens';
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
export {
  participationSubject,
  SELECTION_COLORS,
  SUGGESTION_COLORS,
  type TSelection,
  type TSuggestion,
  type TWriteup,
  writeupsXlsxUrl,
} from './participation/model';
export { type ParticipationTab, ParticipationTabs } from './participation/ParticipationTabs';
export {
  SelectionCards,
  SelectionCategoryTag,
  SelectionStatusTag,
  SelectionView,
} from './participation/SelectionView';
export { SuggestionList, SuggestionStatusTag } from './participation/SuggestionList';
export { loadParticipationStrings } from './participation/strings';
export { WriteupList } from './participation/WriteupList';
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
export { BulletinTable } from './supervision/BulletinTable';
export { BulletinView } from './supervision/BulletinView';
export { default as InboxPage } from './supervision/InboxPage';
export { InspectionCalendar } from './supervision/InspectionCalendar';
export { InspectionTable } from './supervision/InspectionTable';
export {
  type BulletinKind,
  chinaDate,
  type InspectionKind,
  type InspectionResult,
  type InspectionStatus,
  type OrderStatus,
  type Severity,
  type TBulletinSummary,
  type TInspection,
  type TInspectionSummary,
  type TNoticeSummary,
  type TOrder,
  type TOrderSummary,
  unitProgress,
} from './supervision/model';
export { OrderEvidence } from './supervision/OrderEvidence';
export { OrderFacts, OrderHistory } from './supervision/OrderFacts';
export { OrderDeadline, OrderTable } from './supervision/OrderTable';
export { ReportDueTable } from './supervision/ReportDueTable';
export { ResultList } from './supervision/ResultList';
export { loadSupervisionStrings } from './supervision/strings';
export { inspectionSubject, rectificationSubject } from './supervision/subjects';
export {
  BulletinKindTag,
  InspectionKindTag,
  InspectionStatusTag,
  OrderStatusTag,
  RESULT_COLORS,
  ResultTag,
  SeverityTag,
} from './supervision/tags';
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
