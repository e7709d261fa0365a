import { DownloadOutlined, EditOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { ZCreateWriteup } from '@wenming/domain';
import {
  EmptyState,
  FormModal,
  Notice,
  ParticipationTabs,
  participationSubject,
  useAppAbility,
  useApplyFieldErrors,
  useToast,
  useTRPC,
  useZodRule,
  useZodSubmit,
  WriteupList,
  writeupsXlsxUrl,
} from '@wenming/ui';
import { Alert, Button, Flex, Form, Input, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useInvalidateParticipation, useParticipation } from './useParticipation';

interface Values {
  title?: string;
  body?: string;
}

function WriteModal({ campaignId, onClose }: { campaignId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const toast = useToast();
  const rule = useZodRule();
  const zodSubmit = useZodSubmit();
  const applyFieldErrors = useApplyFieldErrors();
  const invalidate = useInvalidateParticipation();
  const [form] = Form.useForm<Values>();
  const create = useMutation(
    trpc.writeup.create.mutationOptions({
      onSuccess: () => {
        invalidate();
        toast.success(t('participation.written'));
        onClose();
      },
      onError: (error) => applyFieldErrors(form, error, ['title', 'body']),
    }),
  );
  const shape = ZCreateWriteup.shape;
  return (
    <FormModal<Values>
      title={t('participation.writeTitle')}
      okText={t('common.save')}
      form={form}
      pending={create.isPending}
      onClose={onClose}
      onFinish={(values) => {
        const input = zodSubmit(form, ZCreateWriteup, { campaignId, ...values });
        if (input) create.mutate(input);
      }}
    >
      <Form.Item name="title" label={t('participation.writeupTitle')} rules={rule(shape.title, {}, true)}>
        <Input maxLength={200} placeholder={t('participation.writeupTitleHint')} />
      </Form.Item>
      <Form.Item
        name="body"
        label={t('participation.writeupBody')}
        rules={rule(shape.body, {}, true)}
        extra={t('participation.writeupBodyHint')}
      >
        <Input.TextArea autoSize={{ minRows: 8, maxRows: 20 }} maxLength={20_000} />
      </Form.Item>
    </FormModal>
  );
}

/** 心得体会: staff write up their experience; the campaign office exports them for the summary. */
export default function WriteupsPage() {
  const { t } = useTranslation();
  const ability = useAppAbility();
  const { unitId, campaign, openCampaign } = useParticipation();
  const [writing, setWriting] = useState(false);
  const canRead = ability.can('read', participationSubject('Writeup', unitId));
  const canCreate = ability.can('create', participationSubject('Writeup', unitId));
  const writeButton = canCreate && openCampaign && (
    <Button type="primary" icon={<EditOutlined />} onClick={() => setWriting(true)}>
      {t('participation.write')}
    </Button>
  );
  const actions = (
    <Flex gap={8} wrap>
      {campaign && canRead && (
        <Tooltip title={t('participation.exportHint')}>
          <Button icon={<DownloadOutlined />} href={writeupsXlsxUrl(campaign.id)}>
            {t('participation.exportXlsx')}
          </Button>
        </Tooltip>
      )}
      {writeButton}
    </Flex>
  );

  return (
    <ParticipationTabs base="/participation" hint={t('participation.unitHint')} extra={actions}>
      {!canRead ? (
        <Notice kind="forbidden" title={t('participation.writeupsNoAccess')} />
      ) : (
        <>
          {canCreate && campaign && !openCampaign && (
            <Alert type="info" showIcon title={t('participation.noOpenCampaign')} />
          )}
          <WriteupList
            campaignId={campaign?.id}
            unitId={unitId}
            empty={
              <EmptyState
                description={
                  canCreate ? t('participation.writeupsEmpty') : t('participation.writeupsEmptyReadOnly')
                }
                action={writeButton}
              />
            }
          />
        </>
      )}
      {writing && openCampaign && (
        <WriteModal campaignId={openCampaign.id} onClose={() => setWriting(false)} />
      )}
    </ParticipationTabs>
  );
}
