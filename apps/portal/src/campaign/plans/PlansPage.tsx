import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type TCampaign, ZUpdatePlans } from '@wenming/domain';
import {
  apiErrorInfo,
  campaignSubject,
  loadWorkStrings,
  PageContainer,
  useAppAbility,
  useErrorMessage,
  usePhone,
  useToast,
  useTRPC,
  useZodRule,
} from '@wenming/ui';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CampaignGate } from '../CampaignGate';

loadWorkStrings();

interface Values {
  plan: string;
  implementationPlan: string;
}

function ReadOnlyPlan({ text }: { text: string }) {
  const { t } = useTranslation();
  return text.trim() ? (
    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{text}</Typography.Paragraph>
  ) : (
    <Typography.Text type="secondary">{t('campaign.planEmpty')}</Typography.Text>
  );
}

function Plans({ campaign }: { campaign: TCampaign }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const ability = useAppAbility();
  const toast = useToast();
  const rule = useZodRule();
  const errorMessage = useErrorMessage();
  const phone = usePhone();
  const [form] = Form.useForm<Values>();
  // The version the text in the form was based on; a newer one on the server is a conflict.
  const [base, setBase] = useState(campaign.version);
  const [conflict, setConflict] = useState<TCampaign | null>(null);
  const closed = campaign.phase === 'decided' || campaign.phase === 'withdrawn';
  const canEdit = !closed && ability.can('update', campaignSubject(campaign), 'plans');
  const size = phone ? ('small' as const) : undefined;

  const save = useMutation(
    trpc.campaign.updatePlans.mutationOptions({
      onSuccess: (updated) => {
        queryClient.setQueryData(trpc.campaign.get.queryKey({ id: updated.id }), updated);
        void queryClient.invalidateQueries(trpc.campaign.list.pathFilter());
        setBase(updated.version);
        setConflict(null);
        toast.success(t('common.saved'));
      },
      onError: async (error) => {
        if (apiErrorInfo(error).appCode !== 'STALE_VERSION') return;
        // Keep what the user typed; let them choose between their text and the newer one.
        const fresh = await queryClient.fetchQuery({
          ...trpc.campaign.get.queryOptions({ id: campaign.id }),
          staleTime: 0,
        });
        setConflict(fresh);
        // The choice is made in the notice at the top of the page.
        window.scrollTo({ top: 0, behavior: 'smooth' });
      },
    }),
  );
  const submit = (values: Values, version = base) =>
    save.mutate({
      id: campaign.id,
      version,
      plan: values.plan ?? '',
      implementationPlan: values.implementationPlan ?? '',
    });

  const fields = [
    { name: 'plan' as const, label: t('campaign.plan'), hint: t('campaign.planHint'), text: campaign.plan },
    {
      name: 'implementationPlan' as const,
      label: t('campaign.implementationPlan'),
      hint: t('campaign.implementationPlanHint'),
      text: campaign.implementationPlan,
    },
  ];

  return (
    <PageContainer
      title={t('nav.plans')}
      subTitle={campaign.unitName}
      breadcrumb={[{ title: t('nav.campaign'), path: '/campaign' }, { title: t('nav.plans') }]}
    >
      {!canEdit ? (
        fields.map((f) => (
          <Card key={f.name} title={f.label} size={size}>
            <ReadOnlyPlan text={f.text} />
          </Card>
        ))
      ) : (
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ plan: campaign.plan, implementationPlan: campaign.implementationPlan }}
          onFinish={(values) => submit(values)}
          disabled={save.isPending}
        >
          <Flex vertical gap={phone ? 12 : 16}>
            {conflict && (
              <Alert
                type="warning"
                showIcon
                title={t('campaign.plansConflict')}
                description={t('campaign.plansConflictHint')}
                action={
                  <Flex vertical gap={6}>
                    <Button
                      size="small"
                      onClick={() => {
                        form.setFieldsValue({
                          plan: conflict.plan,
                          implementationPlan: conflict.implementationPlan,
                        });
                        setBase(conflict.version);
                        setConflict(null);
                      }}
                    >
                      {t('campaign.takeTheirs')}
                    </Button>
                    <Button
                      size="small"
                      type="primary"
                      onClick={() => submit(form.getFieldsValue(), conflict.version)}
                    >
                      {t('campaign.keepMine')}
                    </Button>
                  </Flex>
                }
              />
            )}
            {fields.map((f) => (
              <Card key={f.name} title={f.label} size={size}>
                <Form.Item
                  name={f.name}
                  extra={f.hint}
                  rules={rule(ZUpdatePlans.shape.plan)}
                  style={{ marginBottom: 0 }}
                >
                  <Input.TextArea
                    aria-label={f.label}
                    autoSize={{ minRows: phone ? 6 : 8, maxRows: 30 }}
                    maxLength={50_000}
                    showCount
                  />
                </Form.Item>
              </Card>
            ))}
            {save.isError && apiErrorInfo(save.error).appCode !== 'STALE_VERSION' && (
              <Alert type="error" showIcon title={errorMessage(save.error)} />
            )}
            <Flex>
              <Button type="primary" htmlType="submit" loading={save.isPending}>
                {t('campaign.savePlans')}
              </Button>
            </Flex>
          </Flex>
        </Form>
      )}
    </PageContainer>
  );
}

export default function PlansPage() {
  const { t } = useTranslation();
  return <CampaignGate title={t('nav.plans')}>{(campaign) => <Plans campaign={campaign} />}</CampaignGate>;
}
