import { useMutation, useQuery } from '@tanstack/react-query';
import { BULLETIN_KINDS, type BulletinKind, ZPublishBulletin } from '@wenming/domain';
import { useAppAbility, useTRPC, useZodRule, useZodSubmit } from '@wenming/ui';
import { Form, Input, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { TargetFields } from '../offices/TargetFields';
import { PublishActions, PublishPage, useHomeOffice, usePublishCallbacks } from './PublishPage';

interface Values {
  officeId?: string;
  kind: BulletinKind;
  title?: string;
  body?: string;
  unitIds?: string[];
  inspectionId?: string;
  findingIds?: string[];
}

const FIELDS = ['officeId', 'kind', 'title', 'body', 'unitIds', 'inspectionId', 'findingIds'];

/** The inspection a bulletin reports on, and the findings it names. */
function InspectionFields() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const form = Form.useFormInstance();
  const inspectionId: string | undefined = Form.useWatch('inspectionId', form);
  const inspections = useQuery(trpc.inspection.list.queryOptions({ status: 'completed' }));
  const inspection = useQuery({
    ...trpc.inspection.get.queryOptions({ id: inspectionId ?? '' }),
    enabled: Boolean(inspectionId),
  });
  const unitName = (id: string) => inspection.data?.units.find((u) => u.id === id)?.name ?? '';
  return (
    <>
      <Form.Item
        name="inspectionId"
        label={t('supervision.aboutInspection')}
        extra={t('supervision.aboutInspectionHint')}
      >
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          loading={inspections.isFetching}
          onChange={() => form.setFieldValue('findingIds', [])}
          options={inspections.data?.items.map((i) => ({
            value: i.id,
            label: `${i.title} · ${i.plannedOn}`,
          }))}
        />
      </Form.Item>
      {inspectionId && (
        <Form.Item name="findingIds" label={t('supervision.namedFindings')}>
          <Select
            mode="multiple"
            allowClear
            optionFilterProp="label"
            loading={inspection.isFetching}
            options={inspection.data?.findings.map((f) => ({
              value: f.id,
              label: `${unitName(f.unitId)}：${f.description}`,
            }))}
          />
        </Form.Item>
      )}
    </>
  );
}

/** 通报 editor: praise, criticism or a rectification notice to the units named. */
export default function NewBulletinPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const ability = useAppAbility();
  const rule = useZodRule();
  const zodSubmit = useZodSubmit();
  const [form] = Form.useForm<Values>();
  const publish = useMutation(
    trpc.bulletin.publish.mutationOptions(
      usePublishCallbacks(form, FIELDS, {
        listKey: trpc.bulletin.list.queryKey(),
        published: 'supervision.bulletinPublished',
        pathOf: (id) => `/bulletins/${id}`,
      }),
    ),
  );
  const home = useHomeOffice();
  return (
    <PublishPage
      title={t('supervision.newBulletin')}
      listTitle={t('supervision.bulletins')}
      listPath="/bulletins"
      allowed={ability.can('create', 'Bulletin')}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        style={{ maxWidth: 880 }}
        disabled={publish.isPending}
        initialValues={{ officeId: home, kind: 'praise', unitIds: [], findingIds: [] }}
        onFinish={(values) => {
          const input = zodSubmit(form, ZPublishBulletin, {
            officeId: values.officeId,
            kind: values.kind,
            title: values.title?.trim(),
            body: values.body?.trim(),
            unitIds: values.unitIds ?? [],
            inspectionId: values.inspectionId,
            findingIds: values.findingIds ?? [],
          });
          if (input) publish.mutate(input);
        }}
      >
        <Form.Item name="kind" label={t('supervision.bulletinKind')} required>
          <Radio.Group
            optionType="button"
            options={BULLETIN_KINDS.map((k) => ({ value: k, label: t(`supervision.bulletin_${k}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('supervision.bulletinTitle')}
          rules={rule(ZPublishBulletin.shape.title, {}, true)}
        >
          <Input maxLength={200} placeholder={t('supervision.bulletinTitlePlaceholder')} />
        </Form.Item>
        <TargetFields
          inspectors={false}
          officeLabel={t('supervision.publisher')}
          unitsLabel={t('supervision.addressedUnits')}
        />
        <InspectionFields />
        <Form.Item
          name="body"
          label={t('supervision.bulletinBody')}
          rules={rule(ZPublishBulletin.shape.body, {}, true)}
        >
          <Input.TextArea autoSize={{ minRows: 8, maxRows: 24 }} maxLength={20_000} showCount />
        </Form.Item>
        <PublishActions
          error={publish.error}
          pending={publish.isPending}
          listPath="/bulletins"
          hint={t('supervision.publishHint')}
        />
      </Form>
    </PublishPage>
  );
}
