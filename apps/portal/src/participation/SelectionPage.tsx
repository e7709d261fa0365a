import { FlagOutlined, SendOutlined, UserAddOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { ZNominate } from '@wenming/domain';
import {
  EmptyState,
  ErrorState,
  FormModal,
  LoadingState,
  PageContainer,
  participationSubject,
  SelectionView,
  type TSelection,
  useAppAbility,
  useErrorMessage,
  useMe,
  useToast,
  useTRPC,
} from '@wenming/ui';
import { Button, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useUnitDepartments } from '../campaign/useUnitDepartments';
import { useParticipationForm } from './ParticipationForm';
import { useInvalidateParticipation } from './useParticipation';

interface NominateValues {
  name?: string;
  departmentId?: string;
  reason?: string;
}

function NominateModal({ selection, onClose }: { selection: TSelection; onClose: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { departments } = useUnitDepartments(selection.unitId);
  const { form, rule, zodSubmit, callbacks } = useParticipationForm<NominateValues>(
    ['name', 'departmentId', 'reason'],
    'participation.nominated',
    onClose,
  );
  const nominate = useMutation(trpc.selection.nominate.mutationOptions(callbacks));
  return (
    <FormModal<NominateValues>
      title={t('participation.nominateTitle')}
      okText={t('participation.nominate')}
      form={form}
      pending={nominate.isPending}
      onClose={onClose}
      onFinish={(values) => {
        const input = zodSubmit(form, ZNominate, {
          selectionId: selection.id,
          name: values.name,
          departmentId: values.departmentId || undefined,
          reason: values.reason ?? '',
        });
        if (input) nominate.mutate(input);
      }}
    >
      <Form.Item
        name="name"
        label={t('participation.nomineeName')}
        rules={rule(ZNominate.shape.name, {}, true)}
      >
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="departmentId" label={t('participation.nomineeDepartment')}>
        <Select
          allowClear
          placeholder={t('participation.nomineeDepartmentPlaceholder')}
          options={departments.map((d) => ({ value: d.id, label: d.name }))}
        />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('participation.nomineeReason')}
        rules={rule(ZNominate.shape.reason)}
        extra={t('participation.nomineeReasonHint')}
      >
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}

/** One selection: organisers nominate, open the vote and publish; staff vote once. */
export default function SelectionPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const trpc = useTRPC();
  const me = useMe();
  const toast = useToast();
  const errorMessage = useErrorMessage();
  const ability = useAppAbility();
  const invalidate = useInvalidateParticipation();
  const [nominating, setNominating] = useState(false);
  const [modal, contextHolder] = Modal.useModal();
  const query = useQuery(trpc.selection.get.queryOptions({ id }));
  const options = {
    onSuccess: () => invalidate(),
    onError: (error: unknown) => toast.error(errorMessage(error)),
  };
  const startVoting = useMutation(trpc.selection.startVoting.mutationOptions(options));
  const publish = useMutation(trpc.selection.publish.mutationOptions(options));
  const vote = useMutation(trpc.selection.vote.mutationOptions(options));
  const crumbs = [
    { title: t('participation.title'), path: '/participation' },
    { title: t('participation.tab_selections'), path: '/participation/selections' },
  ];

  if (query.isPending) return <LoadingState />;
  if (query.isError)
    return (
      <PageContainer
        title={t('participation.tab_selections')}
        breadcrumb={crumbs}
        backTo="/participation/selections"
      >
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      </PageContainer>
    );
  const selection = query.data;
  const organiser = ability.can('update', participationSubject('Selection', selection.unitId));
  const eligible = me.scope.unitId === selection.unitId;
  const busy = startVoting.isPending || publish.isPending;

  const actions = organiser && (
    <>
      {selection.status === 'nominating' && (
        <>
          <Button icon={<UserAddOutlined />} onClick={() => setNominating(true)}>
            {t('participation.nominate')}
          </Button>
          <Button
            type="primary"
            icon={<SendOutlined />}
            disabled={selection.nominees.length === 0}
            loading={startVoting.isPending}
            onClick={() =>
              modal.confirm({
                title: t('participation.startVoting'),
                content: t('participation.startVotingConfirm'),
                onOk: () =>
                  startVoting.mutateAsync({ id }).then(() => toast.success(t('participation.votingStarted'))),
              })
            }
          >
            {t('participation.startVoting')}
          </Button>
        </>
      )}
      {selection.status === 'voting' && (
        <Button
          type="primary"
          icon={<FlagOutlined />}
          loading={publish.isPending}
          disabled={busy}
          onClick={() =>
            modal.confirm({
              title: t('participation.publish'),
              content: t('participation.publishConfirm', { count: selection.winners }),
              onOk: () =>
                publish.mutateAsync({ id }).then(() => toast.success(t('participation.publishedDone'))),
            })
          }
        >
          {t('participation.publish')}
        </Button>
      )}
    </>
  );
  const canVote = eligible && selection.status === 'voting' && !selection.myVote;

  return (
    <PageContainer
      title={selection.title}
      breadcrumb={[...crumbs, { title: selection.title }]}
      backTo="/participation/selections"
    >
      {contextHolder}
      <SelectionView
        selection={selection}
        actions={actions || undefined}
        voteButton={
          canVote
            ? (nominee) => (
                <Button
                  type="primary"
                  loading={vote.isPending && vote.variables?.nomineeId === nominee.id}
                  disabled={vote.isPending}
                  onClick={() =>
                    modal.confirm({
                      title: t('participation.vote'),
                      content: t('participation.voteConfirm', { name: nominee.name }),
                      onOk: () =>
                        vote
                          .mutateAsync({ selectionId: selection.id, nomineeId: nominee.id })
                          .then(() => toast.success(t('participation.voteDone'))),
                    })
                  }
                >
                  {t('participation.vote')}
                </Button>
              )
            : undefined
        }
        ledgerLink={
          selection.evidenceId && (
            <Link to={`/ledger/items/${selection.evidenceId}`}>{t('participation.openEvidence')}</Link>
          )
        }
        emptyNominees={
          <EmptyState
            description={organiser ? t('participation.noNomineesCanNominate') : t('participation.noNominees')}
            action={
              organiser &&
              selection.status === 'nominating' && (
                <Button type="primary" icon={<UserAddOutlined />} onClick={() => setNominating(true)}>
                  {t('participation.nominate')}
                </Button>
              )
            }
          />
        }
      />
      {nominating && <NominateModal selection={selection} onClose={() => setNominating(false)} />}
    </PageContainer>
  );
}
