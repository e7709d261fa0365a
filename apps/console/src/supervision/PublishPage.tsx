import { type QueryKey, useQueryClient } from '@tanstack/react-query';
import {
  apiErrorInfo,
  Notice,
  PageContainer,
  SaveRefusal,
  useApplyFieldErrors,
  useMe,
  useToast,
} from '@wenming/ui';
import { Alert, Button, Card, Flex, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

/** The office whose admin is publishing: the default sender of bulletins and notices. */
export function useHomeOffice() {
  return useMe().roles.find((r) => r.role === 'office_admin')?.officeId;
}

/**
 * The frame of the office's publishing editors (bulletins, notices): breadcrumbs back to the
 * list, and a plain refusal instead of a form that would fail for those who may not publish.
 */
export function PublishPage({
  title,
  listTitle,
  listPath,
  allowed,
  children,
}: {
  title: string;
  listTitle: string;
  listPath: string;
  allowed: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <PageContainer
      title={title}
      breadcrumb={[{ title: listTitle, path: listPath }, { title }]}
      backTo={listPath}
    >
      {allowed ? (
        <Card>{children}</Card>
      ) : (
        <Notice kind="forbidden" title={t('supervision.noPublishTitle')} />
      )}
    </PageContainer>
  );
}

/**
 * What follows a publish: the list refreshes, a toast, and on to what was published; a
 * refusal naming fields puts its messages next to them.
 */
export function usePublishCallbacks(
  form: FormInstance,
  fields: readonly string[],
  { listKey, published, pathOf }: { listKey: QueryKey; published: string; pathOf: (id: string) => string },
) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const toast = useToast();
  const navigate = useNavigate();
  const applyFieldErrors = useApplyFieldErrors();
  return {
    onSuccess: (created: { id: string }) => {
      void queryClient.invalidateQueries({ queryKey: listKey });
      toast.success(t(published));
      navigate(pathOf(created.id), { replace: true });
    },
    onError: (error: unknown) => applyFieldErrors(form, error, fields),
  };
}

/** The foot of a publishing form: a refusal that names no field, a hint, publish and cancel. */
export function PublishActions({
  error,
  pending,
  listPath,
  hint,
}: {
  error: unknown;
  pending: boolean;
  listPath: string;
  hint?: string;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <>
      {error && !apiErrorInfo(error).fields ? (
        <SaveRefusal error={error} style={{ marginBottom: 16 }} />
      ) : null}
      {hint ? <Alert type="info" showIcon title={hint} style={{ marginBottom: 16 }} /> : null}
      <Flex gap={8} wrap>
        <Button type="primary" htmlType="submit" loading={pending}>
          {t('supervision.publish')}
        </Button>
        <Button onClick={() => navigate(listPath)}>{t('common.cancel')}</Button>
      </Flex>
    </>
  );
}
