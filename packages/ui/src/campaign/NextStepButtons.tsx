import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type CampaignPhase, type GuardFailure, type TCampaign, ZTransitionCampaign } from '@wenming/domain';
import { Alert, Button, Flex, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorInfo, useErrorMessage } from '../api/errors';
import { useTRPC } from '../api/trpc';
import { useToast } from '../app/feedback';
import { useZodRule } from '../forms/zod-rules';
import { loadWorkStrings } from '../i18n/work';
import { BlockedReasons, type FixLinks } from './guards';

loadWorkStrings();

type Step = TCampaign['nextSteps'][number];

/** The office returning an application is the one step back; everything else is named by where it goes. */
export function stepLabelKey(from: CampaignPhase, to: CampaignPhase): string {
  return from === 'submitted' && to === 'consolidation' ? 'campaign.stepReturn' : `campaign.stepTo_${to}`;
}

function StepModal({ campaign, step, onClose }: { campaign: TCampaign; step: Step; onClose: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const rule = useZodRule();
  const errorMessage = useErrorMessage();
  const [form] = Form.useForm<{ comment?: string }>();
  const move = useMutation(
    trpc.campaign.transition.mutationOptions({
      onSuccess: (updated) => {
        queryClient.setQueryData(trpc.campaign.get.queryKey({ id: updated.id }), updated);
        void queryClient.invalidateQueries(trpc.campaign.list.pathFilter());
        void queryClient.invalidateQueries(trpc.campaign.rollup.pathFilter());
        toast.success(t('campaign.moved', { phase: t(`phase.${updated.phase}`) }));
        onClose();
      },
      onError: (error) => {
        const { appCode } = apiErrorInfo(error);
        if (appCode === 'COMMENT_REQUIRED') {
          form.setFields([{ name: 'comment', errors: [t('errors.COMMENT_REQUIRED')] }]);
        }
        // Someone else may have moved it meanwhile: show the campaign as it now is.
        if (appCode === 'TRANSITION_BLOCKED' || appCode === 'ILLEGAL_TRANSITION') {
          void queryClient.invalidateQueries(trpc.campaign.get.queryFilter({ id: campaign.id }));
        }
      },
    }),
  );
  const label = t(stepLabelKey(campaign.phase, step.to));
  const hintKey =
    step.to === 'withdrawn'
      ? 'campaign.confirmWithdraw'
      : campaign.phase === 'submitted' && step.to === 'consolidation'
        ? 'campaign.confirmReturn'
        : 'campaign.confirmMove';
  const error = move.error ? apiErrorInfo(move.error) : null;
  const blockedBy = (error?.params.blockedBy ?? []) as GuardFailure[];

  return (
    <Modal
      open
      title={label}
      okText={label}
      okButtonProps={{ danger: step.to === 'withdrawn' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={move.isPending}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <Flex vertical gap={12} style={{ marginTop: 8 }}>
        <Typography.Text>
          {t(hintKey, { from: t(`phase.${campaign.phase}`), to: t(`phase.${step.to}`) })}
        </Typography.Text>
        <Form
          form={form}
          layout="vertical"
          disabled={move.isPending}
          onFinish={(values) =>
            move.mutate({ id: campaign.id, to: step.to, comment: values.comment?.trim() || undefined })
          }
        >
          <Form.Item
            name="comment"
            label={step.commentRequired ? t('campaign.commentRequired') : t('campaign.commentOptional')}
            rules={rule(ZTransitionCampaign.shape.comment, {}, step.commentRequired)}
            style={{ marginBottom: 0 }}
          >
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={1000} showCount />
          </Form.Item>
        </Form>
        {error && error.appCode !== 'COMMENT_REQUIRED' && (
          <Alert
            type="error"
            showIcon
            title={errorMessage(move.error)}
            description={blockedBy.length > 0 ? <BlockedReasons blockedBy={blockedBy} /> : undefined}
          />
        )}
      </Flex>
    </Modal>
  );
}

/**
 * The steps the server says this user may take now. A blocked step stays visible but
 * disabled, with what is missing in plain words and links to where it is done.
 */
export function NextStepButtons({ campaign, fixLinks }: { campaign: TCampaign; fixLinks?: FixLinks }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Step | null>(null);
  if (campaign.nextSteps.length === 0) return null;
  const forward = campaign.nextSteps.filter((s) => s.to !== 'withdrawn');
  const withdraw = campaign.nextSteps.find((s) => s.to === 'withdrawn');
  const blocked = forward.filter((s) => s.blockedBy.length > 0);
  const returning = (s: Step) => campaign.phase === 'submitted' && s.to === 'consolidation';

  return (
    <Flex vertical gap={8}>
      <Flex gap={8} wrap>
        {forward.map((step) => (
          <Button
            key={step.to}
            type={returning(step) ? 'default' : 'primary'}
            disabled={step.blockedBy.length > 0}
            onClick={() => setOpen(step)}
          >
            {t(stepLabelKey(campaign.phase, step.to))}
          </Button>
        ))}
        {withdraw && (
          <Button danger onClick={() => setOpen(withdraw)}>
            {t(stepLabelKey(campaign.phase, 'withdrawn'))}
          </Button>
        )}
      </Flex>
      {blocked.map((step) => (
        <div key={step.to}>
          {blocked.length > 1 &&
            t('campaign.blockedStep', { step: t(stepLabelKey(campaign.phase, step.to)) })}
          <BlockedReasons blockedBy={step.blockedBy} fixLinks={fixLinks} />
        </div>
      ))}
      {open && <StepModal campaign={campaign} step={open} onClose={() => setOpen(null)} />}
    </Flex>
  );
}
