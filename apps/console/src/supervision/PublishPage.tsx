import { Notice, PageContainer, useMe } from '@wenming/ui';
import { Card } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

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
