import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { SELECTION_CATEGORIES, ZCreateSelection } from '@wenming/domain';
import {
  EmptyState,
  ErrorState,
  FormModal,
  ParticipationTabs,
  participationSubject,
  SelectionCards,
  useAppAbility,
  useTRPC,
} from '@wenming/ui';
import { Button, Form, Input, InputNumber, Select, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useParticipationForm } from './ParticipationForm';
import { useParticipation } from './useParticipation';

interface Values {
  title?: string;
  category: (typeof SELECTION_CATEGORIES)[number];
  winners: number;
}

function CreateSelectionModal({
  unitId,
  campaignId,
  onClose,
}: {
  unitId: string;
  campaignId?: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const { form, rule, zodSubmit, callbacks } = useParticipationForm<Values, { id: string }>(
    ['title', 'category', 'winners'],
    'participation.selectionCreated',
    (created) => navigate(created.id),
  );
  const create = useMutation(trpc.selection.create.mutationOptions(callbacks));
  const year = new Date().getFullYear();
  return (
    <FormModal<Values>
      title={t('participation.createSelectionTitle')}
      okText={t('common.create')}
      form={form}
      pending={create.isPending}
      onClose={onClose}
      initialValues={{ category: 'civilized_staff', winners: 1 }}
      onFinish={(values) => {
        const input = zodSubmit(form, ZCreateSelection, { unitId, campaignId, ...values });
        if (input) create.mutate(input);
      }}
    >
      <Form.Item name="category" label={t('participation.category')} rules={[{ required: true }]}>
        <Select
          options={SELECTION_CATEGORIES.map((c) => ({ value: c, label: t(`participation.category_${c}`) }))}
        />
      </Form.Item>
      <Form.Item
        name="title"
        label={t('participation.selectionTitle')}
        rules={rule(ZCreateSelection.shape.title, {}, true)}
      >
        <Input maxLength={200} placeholder={t('participation.selectionTitlePlaceholder', { year })} />
      </Form.Item>
      <Form.Item name="winners" label={t('participation.winners')} rules={[{ required: true }]}>
        <InputNumber min={1} max={50} precision={0} style={{ width: 120 }} />
      </Form.Item>
    </FormModal>
  );
}

/** 评选活动: the unit's selections; the campaign office starts new ones. */
export default function SelectionsPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const ability = useAppAbility();
  const { unitId, openCampaign } = useParticipation();
  const [creating, setCreating] = useState(false);
  const canCreate = ability.can('create', participationSubject('Selection', unitId));
  const list = useQuery(trpc.selection.list.queryOptions({ unitId }));
  const createButton = canCreate && (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
      {t('participation.newSelection')}
    </Button>
  );
  return (
    <ParticipationTabs base="/participation" hint={t('participation.unitHint')} extra={createButton}>
      {list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : !list.data ? (
        <Spin style={{ padding: 32 }} />
      ) : list.data.items.length === 0 ? (
        <EmptyState
          description={
            canCreate ? t('participation.selectionsEmptyCanCreate') : t('participation.selectionsEmpty')
          }
          action={createButton}
        />
      ) : (
        <SelectionCards items={list.data.items} onOpen={(s) => navigate(s.id)} />
      )}
      {creating && unitId && (
        <CreateSelectionModal
          unitId={unitId}
          campaignId={openCampaign?.id}
          onClose={() => setCreating(false)}
        />
      )}
    </ParticipationTabs>
  );
}
