import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { usePhone, useTRPC } from '@wenming/ui';
import { Button, Col, Flex, Form, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { OfficeTreeSelect } from './OfficeTreeSelect';

/** The most units one list offers; larger districts narrow by office first. */
const UNIT_LIMIT = 200;

/** Whose strings the fields use: each form names its office and units in its own words. */
type Ns = 'supervision' | 'survey';

function UnitsField({ ns, label, optional }: { ns: Ns; label: string; optional: boolean }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const form = Form.useFormInstance();
  const phone = usePhone();
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
      label={label}
      required={!optional}
      extra={
        capped
          ? t(`${ns}.targetUnitsCapped`, { n: UNIT_LIMIT })
          : optional && chosen.length === 0
            ? t('supervision.allUnitsWhenNone')
            : t(`${ns}.targetUnitsHint`, { n: chosen.length, total: items.length })
      }
    >
      <Flex vertical gap={8}>
        <Form.Item
          name="unitIds"
          noStyle
          rules={optional ? [] : [{ required: true, type: 'array', min: 1, message: t(`${ns}.needOneUnit`) }]}
        >
          <Select
            mode="multiple"
            allowClear
            loading={units.isFetching}
            disabled={!officeId}
            placeholder={t(`${ns}.targetUnitsPlaceholder`)}
            aria-label={label}
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
            {t(`${ns}.selectAllUnits`, { n: items.length })}
          </Button>
          <Button
            size="small"
            disabled={chosen.length === 0}
            onClick={() => form.setFieldValue('unitIds', [])}
          >
            {t(`${ns}.clearUnits`)}
          </Button>
        </Flex>
      </Flex>
    </Form.Item>
  );
}

/** Office staff who can inspect: the office's admins and inspectors (unit accounts are left out). */
function InspectorsField() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const officeId: string | undefined = Form.useWatch('officeId');
  const users = useQuery({
    ...trpc.user.list.queryOptions({ officeId, limit: 200 }),
    enabled: Boolean(officeId),
  });
  const inspectors = (users.data?.items ?? []).filter(
    (u) => u.active && u.roles.some((r) => r.role === 'office_inspector' || r.role === 'office_admin'),
  );
  return (
    <Form.Item
      name="inspectorIds"
      label={t('supervision.inspectors')}
      extra={t('supervision.inspectorsHint')}
    >
      <Select
        mode="multiple"
        allowClear
        loading={users.isFetching}
        disabled={!officeId}
        aria-label={t('supervision.inspectors')}
        optionFilterProp="label"
        options={inspectors.map((u) => ({ value: u.id, label: `${u.displayName} · ${u.username}` }))}
      />
    </Form.Item>
  );
}

/**
 * Which office acts, on which of its units, and (for inspections) who goes. Inspections,
 * bulletins, notices, report schedules and surveys all target units this way.
 */
export function TargetFields({
  ns = 'supervision',
  inspectors = true,
  unitsLabel,
  officeLabel,
  officeHint,
  optionalUnits = false,
}: {
  ns?: Ns;
  inspectors?: boolean;
  unitsLabel?: string;
  officeLabel?: string;
  officeHint?: string;
  /** No units chosen means every unit below the office. */
  optionalUnits?: boolean;
}) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const office = officeLabel ?? t(`${ns}.office`);
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item
            name="officeId"
            label={office}
            rules={[{ required: true, message: t('validation.required') }]}
            extra={officeHint}
          >
            <OfficeTreeSelect
              onChange={() =>
                form.setFieldsValue({ unitIds: [], ...(inspectors ? { inspectorIds: [] } : {}) })
              }
              aria-label={office}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <UnitsField ns={ns} label={unitsLabel ?? t(`${ns}.targetUnits`)} optional={optionalUnits} />
        </Col>
      </Row>
      {inspectors && <InspectorsField />}
    </>
  );
}
