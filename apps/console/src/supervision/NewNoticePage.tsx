import { useMutation } from '@tanstack/react-query';
import { NOTICE_KINDS, type NoticeKind, ZPublishNotice } from '@wenming/domain';
import { chinaDate, useAppAbility, useTRPC, useZodRule, useZodSubmit } from '@wenming/ui';
import { Col, Form, Input, Radio, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { TargetFields } from '../offices/TargetFields';
import { PublishActions, PublishPage, useHomeOffice, usePublishCallbacks } from './PublishPage';

interface Values {
  officeId?: string;
  kind: NoticeKind;
  title?: string;
  body?: string;
  startsOn?: string;
  endsOn?: string;
  unitIds?: string[];
}

const FIELDS = ['officeId', 'kind', 'title', 'body', 'startsOn', 'endsOn', 'unitIds', 'subjects'];
/** 5 working days is the usual window; a week of calendar days covers it. */
const DEFAULT_WINDOW_DAYS = 7;

/** 公示 editor: the units put to the public, the text, and the window for objections. */
export default function NewNoticePage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const ability = useAppAbility();
  const rule = useZodRule();
  const zodSubmit = useZodSubmit();
  const [form] = Form.useForm<Values>();
  const publish = useMutation(
    trpc.notice.publish.mutationOptions(
      usePublishCallbacks(form, FIELDS, {
        listKey: trpc.notice.list.queryKey(),
        published: 'supervision.noticePublished',
        pathOf: (id) => `/notices/${id}`,
      }),
    ),
  );
  const home = useHomeOffice();
  return (
    <PublishPage
      title={t('supervision.newNotice')}
      listTitle={t('supervision.notices')}
      listPath="/notices"
      allowed={ability.can('create', 'Notice')}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        style={{ maxWidth: 880 }}
        disabled={publish.isPending}
        initialValues={{
          officeId: home,
          kind: 'conferral',
          unitIds: [],
          startsOn: chinaDate(),
          endsOn: chinaDate(DEFAULT_WINDOW_DAYS),
        }}
        onFinish={(values) => {
          if (values.startsOn && values.endsOn && values.endsOn < values.startsOn) {
            form.setFields([{ name: 'endsOn', errors: [t('supervision.windowEndsBefore')] }]);
            return;
          }
          const input = zodSubmit(form, ZPublishNotice, {
            officeId: values.officeId,
            kind: values.kind,
            title: values.title?.trim(),
            body: values.body?.trim(),
            startsOn: values.startsOn,
            endsOn: values.endsOn,
            subjects: (values.unitIds ?? []).map((unitId) => ({ unitId })),
          });
          if (input) publish.mutate(input);
        }}
      >
        <Form.Item name="kind" label={t('supervision.noticeKind')} required>
          <Radio.Group
            optionType="button"
            options={NOTICE_KINDS.map((k) => ({ value: k, label: t(`supervision.noticeKind_${k}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('supervision.noticeTitle')}
          rules={rule(ZPublishNotice.shape.title, {}, true)}
        >
          <Input maxLength={200} placeholder={t('supervision.noticeTitlePlaceholder')} />
        </Form.Item>
        <TargetFields
          inspectors={false}
          officeLabel={t('supervision.publisher')}
          unitsLabel={t('supervision.noticeUnits')}
        />
        <Row gutter={16}>
          <Col xs={12} md={6}>
            <Form.Item
              name="startsOn"
              label={t('supervision.noticeStarts')}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <Input type="date" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item
              name="endsOn"
              label={t('supervision.noticeEnds')}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <Input type="date" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="body"
          label={t('supervision.noticeBody')}
          rules={rule(ZPublishNotice.shape.body, {}, true)}
          extra={t('supervision.noticeBodyHint')}
        >
          <Input.TextArea autoSize={{ minRows: 8, maxRows: 24 }} maxLength={20_000} showCount />
        </Form.Item>
        <PublishActions error={publish.error} pending={publish.isPending} listPath="/notices" />
      </Form>
    </PublishPage>
  );
}
