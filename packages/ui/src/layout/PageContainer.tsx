import { ArrowLeftOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Flex, Typography, theme } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useNavPlace } from './navigation';
import { usePhone } from './screens';

export interface Crumb {
  title: ReactNode;
  /** Route path; the last crumb (the current page) has none. */
  path?: string;
}

/**
 * Breadcrumbs, the page's title line (back, title, tags, actions), then the page. The
 * breadcrumbs start with the side menu's heading of the page, so every page says where
 * it sits; a page that passes none gets "heading / its title".
 */
export function PageContainer({
  title,
  subTitle,
  tags,
  breadcrumb,
  extra,
  backTo,
  children,
}: {
  title: ReactNode;
  subTitle?: ReactNode;
  tags?: ReactNode;
  breadcrumb?: Crumb[];
  extra?: ReactNode;
  backTo?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const navigate = useNavigate();
  const phone = usePhone();
  const place = useNavPlace();
  const crumbs: Crumb[] = [
    ...(place?.group ? [{ title: place.group }] : []),
    ...(breadcrumb ?? (place?.group ? [{ title }] : [])),
  ];
  return (
    <Flex vertical gap={phone ? 12 : 16} style={{ maxWidth: 1400, marginInline: 'auto' }}>
      {crumbs.length > 1 && (
        <Breadcrumb
          items={crumbs.map((crumb) => ({
            title: crumb.path ? <Link to={crumb.path}>{crumb.title}</Link> : crumb.title,
          }))}
        />
      )}
      <Flex align="center" justify="space-between" gap={12} wrap>
        <Flex align="center" gap={8} wrap style={{ minWidth: 0, flex: '1 1 auto' }}>
          {backTo && (
            <Button
              type="text"
              icon={<ArrowLeftOutlined />}
              aria-label={t('common.back')}
              onClick={() => navigate(backTo)}
            />
          )}
          <Typography.Title level={phone ? 5 : 4} style={{ margin: 0, minWidth: 0 }}>
            {title}
          </Typography.Title>
          {tags}
          {subTitle && <span style={{ color: token.colorTextSecondary }}>{subTitle}</span>}
        </Flex>
        {extra && (
          <Flex gap={8} wrap>
            {extra}
          </Flex>
        )}
      </Flex>
      {children}
    </Flex>
  );
}
