import type { Migration } from 'kysely/migration';
import * as m20261127120000 from './2026_11_27_120000_create_tenancy';
import * as m20261127120100 from './2026_11_27_120100_create_users';
import * as m20261127120200 from './2026_11_27_120200_create_status_register';
import * as m20261127130000 from './2026_11_27_130000_create_frameworks';
import * as m20261127130100 from './2026_11_27_130100_create_campaigns';
import * as m20261127140000 from './2026_11_27_140000_create_ledger';
import * as m20261127140100 from './2026_11_27_140100_create_duties';
import * as m20261127140200 from './2026_11_27_140200_add_evidence_carried_from';
import * as m20261127150000 from './2026_11_27_150000_create_surveys';
import * as m20261127150100 from './2026_11_27_150100_create_participation';
import * as m20261127160000 from './2026_11_27_160000_create_supervision';
import * as m20261127170000 from './2026_11_27_170000_create_bulletins_notices_reports';
import * as m20261127170100 from './2026_11_27_170100_create_notifications';
import * as m20261127170500 from './2026_11_27_170500_add_survey_description_en';
import * as m20261127175000 from './2026_11_27_175000_create_imports';
import * as m20261127180000 from './2026_11_27_180000_create_assessment';
import * as m20261127190600 from './2026_11_27_190600_add_status_record_inspection';
import * as m20261127195000 from './2026_11_27_195000_create_analytics_rollups';
import * as m20261127201500 from './2026_11_27_201500_add_notification_english';
import * as m20261127203000 from './2026_11_27_203000_add_notice_subject_unit_name';
import * as m20261127210000 from './2026_11_27_210000_add_edit_versions';
import * as m20261127212000 from './2026_11_27_212000_create_login_devices';
import * as m20261127213000 from './2026_11_27_213000_static_survey_tally_trigger';
import * as m20261127220000 from './2026_11_27_220000_add_evidence_indicators_unit_index';
import * as m20261128000000 from './2026_11_28_000000_add_survey_month_tallies';
import * as m20261128020000 from './2026_11_28_020000_add_evidence_material_matches';
import * as m20261128030000 from './2026_11_28_030000_add_unit_month_filings';
import * as m20261128040000 from './2026_11_28_040000_add_campaign_material_links';
import * as m20261128050000 from './2026_11_28_050000_add_readiness_month_ends';
import * as m20261128060000 from './2026_11_28_060000_add_grant_generation';
import * as m20261129090000 from './2026_11_29_090000_answer_target_key';
import * as m20261129140000 from './2026_11_29_140000_campaign_coverage_phase';

// A static list rather than a folder scan, so the server works the same when bundled.
export const migrations: Record<string, Migration> = {
  '2026_11_27_120000_create_tenancy': m20261127120000,
  '2026_11_27_120100_create_users': m20261127120100,
  '2026_11_27_120200_create_status_register': m20261127120200,
  '2026_11_27_130000_create_frameworks': m20261127130000,
  '2026_11_27_130100_create_campaigns': m20261127130100,
  '2026_11_27_140000_create_ledger': m20261127140000,
  '2026_11_27_140100_create_duties': m20261127140100,
  '2026_11_27_140200_add_evidence_carried_from': m20261127140200,
  '2026_11_27_150000_create_surveys': m20261127150000,
  '2026_11_27_150100_create_participation': m20261127150100,
  '2026_11_27_160000_create_supervision': m20261127160000,
  '2026_11_27_170000_create_bulletins_notices_reports': m20261127170000,
  '2026_11_27_170100_create_notifications': m20261127170100,
  '2026_11_27_170500_add_survey_description_en': m20261127170500,
  '2026_11_27_175000_create_imports': m20261127175000,
  '2026_11_27_180000_create_assessment': m20261127180000,
  '2026_11_27_190600_add_status_record_inspection': m20261127190600,
  '2026_11_27_195000_create_analytics_rollups': m20261127195000,
  '2026_11_27_201500_add_notification_english': m20261127201500,
  '2026_11_27_203000_add_notice_subject_unit_name': m20261127203000,
  '2026_11_27_210000_add_edit_versions': m20261127210000,
  '2026_11_27_212000_create_login_devices': m20261127212000,
  '2026_11_27_213000_static_survey_tally_trigger': m20261127213000,
  '2026_11_27_220000_add_evidence_indicators_unit_index': m20261127220000,
  '2026_11_28_000000_add_survey_month_tallies': m20261128000000,
  '2026_11_28_020000_add_evidence_material_matches': m20261128020000,
  '2026_11_28_030000_add_unit_month_filings': m20261128030000,
  '2026_11_28_040000_add_campaign_material_links': m20261128040000,
  '2026_11_28_050000_add_readiness_month_ends': m20261128050000,
  '2026_11_28_060000_add_grant_generation': m20261128060000,
  '2026_11_29_090000_answer_target_key': m20261129090000,
  '2026_11_29_140000_campaign_coverage_phase': m20261129140000,
};
