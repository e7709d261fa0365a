import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Notice, PageContainer, SurveyBuilder, useAppAbility, useMe, useTRPC } from '@wenming/ui';
import { Button, Col, Flex, Form, Grid, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { OfficeTreeSelect } from '../offices/OfficeTreeSelect';

/** The most units one list offers; larger districts narrow by office first. */
const UNIT_LIMIT = 200;

/** The units below the chosen office, all selectable at once. */
function UnitsField() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const form = Form.useFormInstance();
  const phone = Grid.useBreakpoint().md === false;
  const officeId: string | undefined = Form.useWatch('officeId', form);
  const chosen: string[] = Form.useWatch('unitIds', form) ?? [];
  const units = useQuery({
    ...trpc.unit.list.queryOptions({ officeId, limit: UNIT_LIMIT }),
    enabled: Boolean(officeId),
    placeholderData: keepPreviousData,
  });
  const items = units.data?.items ?? [];
  const capped = Boolean(units.data?.nextCursor);
  return (
    <Form.Item
      label={t('survey.targetUnits')}
      required
      extra={
        capped
          ? t('survey.targetUnitsCapped', { n: UNIT_LIMIT })
          : t('survey.targetUnitsHint', { n: chosen.length, total: items.length })
      }
    >
      <Flex vertical gap={8}>
        <Form.Item
          name="unitIds"
          noStyle
          rules={[{ required: true, type: 'array', min: 1, message: t('survey.needOneUnit') }]}
        >
          <Select
            mode="multiple"
            allowClear
            loading={units.isFetching}
            disabled={!officeId}
            placeholder={t('survey.targetUnitsPlaceholder')}
            aria-label={t('survey.targetUnits')}
            optionFilterProp="label"
            maxTagCount={phone ? 2 : 4}
            options={items.map((u) => ({ value: u.id, label: `${u.name} · ${u.officeName}` }))}
          />
        </Form.Item>
        <Flex gap={8} wrap>
          <Button
            size="small"
            disabled={items.length === 0}
            onClick={() =>
              form.setFieldValue(
                'unitIds',
                items.map((u) => u.id),
              )
            }
          >
            {t('survey.selectAllUnits', { n: items.length })}
          </Button>
          <Button
            size="small"
            disabled={chosen.length === 0}
            onClick={() => form.setFieldValue('unitIds', [])}
          >
            {t('survey.clearUnits')}
          </Button>
        </Flex>
      </Flex>
    </Form.Item>
  );
}

function TargetFields() {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  return (
    <Row gutter={16}>
      <Col xs={24} md={8}>
        <Form.Item
          name="officeId"
          label={t('survey.office')}
          rules={[{ required: true, message: t('validation.required') }]}
          extra={t('survey.officeFieldHint')}
        >
          <OfficeTreeSelect
            onChange={() => form.setFieldValue('unitIds', [])}
            aria-label={t('survey.office')}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={16}>
        <UnitsField />
      </Col>
    </Row>
  );
}

/** An office surveys the units below it: one link and QR code per unit, results compared across them. */
export default function NewSurveyPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const ability = useAppAbility();
  const me = useMe();
  const home = me.roles.find((r) => r.role === 'office_admin')?.officeId;
  const crumbs = [{ title: t('survey.title'), path: '/surveys' }, { title: t('survey.newOffice') }];
  return (
    <PageContainer title={t('survey.newOffice')} breadcrumb={crumbs} backTo="/surveys">
      {ability.can('create', 'Survey') ? (
        <SurveyBuilder
          targetFields={
            <>
              <Typography.Paragraph type="secondary">{t('survey.officeTargetsHint')}</Typography.Paragraph>
              <TargetFields />
            </>
          }
          initialTargets={{ officeId: home, unitIds: [] }}
          targets={(values) => ({
            officeId: values.officeId as string,
            unitIds: (values.unitIds as string[] | undefined) ?? [],
          })}
          onCreated={(survey) => navigate(`/surveys/${survey.id}`, { replace: true })}
          onCancel={() => navigate('/surveys')}
        />
      ) : (
        <Notice kind="forbidden" title={t('survey.noCreateTitle')} subTitle={t('survey.noCreateHint')} />
      )}
    </PageContainer>
  );
}
