import {
  LogoutOutlined,
  MenuFoldOutlined,
  MenuOutlined,
  MenuUnfoldOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Button, Dropdown, Flex, Layout, Menu, type MenuProps, theme } from 'antd';
import { lazy, type ReactNode, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useErrorMessage } from '../api/errors';
import { useToast } from '../app/feedback';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { useAppAbility, useLogout, useMe } from '../session/session';
import { type AppKind, BrandMark, BrandTitle, glyphBox, useDocumentTitle } from './Brand';
import { activeItem, menuItems, type NavItem, NavPlaceContext } from './navigation';
import { usePhone } from './screens';

export type { NavItem } from './navigation';

const SIDER_WIDTH = 220;

const NavDrawer = lazy(() => import('./NavDrawer'));
const NotificationBell = lazy(() => import('./NotificationBell'));

/**
 * The first Tab stop: keyboard users jump past the menu. Hidden until focused.
 */
function SkipLink() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const [focused, setFocused] = useState(false);
  return (
    <button
      type="button"
      onFocus={() => setFocused(true)}
      onBlur={() => setFocused(false)}
      onClick={() => document.getElementById('main-content')?.focus()}
      style={
        focused
          ? {
              position: 'fixed',
              top: 8,
              left: 8,
              zIndex: 1000,
              padding: '8px 16px',
              background: token.colorBgElevated,
              boxShadow: token.boxShadow,
              border: 'none',
              borderRadius: token.borderRadius,
              color: token.colorPrimary,
              cursor: 'pointer',
            }
          : {
              position: 'absolute',
              width: 1,
              height: 1,
              padding: 0,
              border: 0,
              overflow: 'hidden',
              clip: 'rect(0 0 0 0)',
            }
      }
    >
      {t('shell.skipToContent')}
    </button>
  );
}

/** The signed-in person's first role, in words: "文明办管理员 · 江州市文明办". */
function useRoleLine(): string | null {
  const { t } = useTranslation();
  const me = useMe();
  const role = me.roles[0];
  if (!role) return null;
  return `${t(`role.${role.role}`)} · ${role.unitName ?? role.officeName}`;
}

function UserMenu({ compact }: { compact: boolean }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const message = useToast();
  const errorMessage = useErrorMessage();
  const me = useMe();
  const roleLine = useRoleLine();
  const logout = useLogout();
  const items: MenuProps['items'] = [
    ...(compact
      ? [
          {
            key: 'who',
            disabled: true,
            label: (
              <Flex vertical style={{ maxWidth: 240, whiteSpace: 'normal' }}>
                <span style={{ color: token.colorText }}>{me.user.displayName}</span>
                {roleLine && <span style={{ fontSize: token.fontSizeSM }}>{roleLine}</span>}
              </Flex>
            ),
          },
          { type: 'divider' as const },
        ]
      : []),
    { key: 'logout', icon: <LogoutOutlined />, label: t('shell.logout'), danger: true },
  ];
  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key !== 'logout') return;
    logout.mutate(undefined, { onError: (error) => message.error(errorMessage(error)) });
  };
  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
      <Button type="text" style={{ height: 'auto', paddingBlock: 4 }} loading={logout.isPending}>
        <Flex align="center" gap={8}>
          {/* A round badge drawn here: antd's Avatar brings Avatar.Group and Popover into the first load. */}
          <span
            aria-hidden
            style={{ ...glyphBox(token.controlHeightSM, '50%', token.colorPrimary), color: token.colorWhite }}
          >
            <UserOutlined />
          </span>
          {!compact && (
            <Flex vertical align="start" style={{ lineHeight: 1.3 }}>
              <span>{me.user.displayName}</span>
              {roleLine && (
                <span style={{ fontSize: token.fontSizeSM, color: token.colorTextSecondary }}>
                  {roleLine}
                </span>
              )}
            </Flex>
          )}
        </Flex>
      </Button>
    </Dropdown>
  );
}

/**
 * The frame every page sits in: side menu (a drawer on phones), header with the app's
 * name, the user, the language switch and sign-out.
 */
export function AppShell({ app, nav, children }: { app: AppKind; nav: NavItem[]; children: ReactNode }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const ability = useAppAbility();
  const location = useLocation();
  const navigate = useNavigate();
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  // Stays mounted after the first opening, so closing can animate.
  const [drawerUsed, setDrawerUsed] = useState(false);
  const phone = usePhone();

  useDocumentTitle(app);

  const visible = useMemo(() => nav.filter((item) => !item.visible || item.visible(ability)), [nav, ability]);
  const current = activeItem(visible, location.pathname);
  const place = useMemo(
    () => current && { item: current, group: current.group ? t(current.group) : undefined },
    [current, t],
  );
  const selectedKey = current?.key;
  const folded = collapsed && !phone;
  // The same element while nothing it shows has changed, so React skips the menu's few
  // hundred components when the shell renders again (the bell's count, the drawer).
  const menu = useMemo(
    () => (
      <Menu
        mode="inline"
        selectedKeys={selectedKey ? [selectedKey] : []}
        items={menuItems(visible, t, folded)}
        onClick={({ key }) => {
          const item = visible.find((i) => i.key === key);
          if (item) navigate(item.path);
          setDrawerOpen(false);
        }}
        style={{ borderInlineEnd: 'none' }}
      />
    ),
    [selectedKey, visible, t, folded, navigate],
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <SkipLink />
      {!phone && (
        <Layout.Sider
          width={SIDER_WIDTH}
          collapsedWidth={64}
          collapsible
          collapsed={collapsed}
          trigger={null}
          theme="light"
          style={{
            borderInlineEnd: `1px solid ${token.colorSplit}`,
            position: 'sticky',
            top: 0,
            height: '100vh',
          }}
        >
          <Flex
            align="center"
            justify={collapsed ? 'center' : 'start'}
            style={{
              height: 64,
              paddingInline: collapsed ? 0 : 16,
              borderBottom: `1px solid ${token.colorSplit}`,
            }}
          >
            {collapsed ? <BrandMark /> : <BrandTitle app={app} />}
          </Flex>
          {/* Scrolls on its own, so a short screen still reaches the last entries. */}
          <nav aria-label={t('shell.menu')} style={{ height: 'calc(100vh - 64px)', overflowY: 'auto' }}>
            {menu}
          </nav>
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header
          style={{
            position: 'sticky',
            top: 0,
            zIndex: 10,
            display: 'flex',
            alignItems: 'center',
            gap: 8,
            height: phone ? 56 : 64,
            paddingInline: phone ? 8 : 16,
            background: token.colorBgContainer,
            borderBottom: `1px solid ${token.colorSplit}`,
          }}
        >
          {phone ? (
            <>
              <Button
                type="text"
                icon={<MenuOutlined />}
                aria-label={t('shell.menu')}
                onClick={() => {
                  setDrawerUsed(true);
                  setDrawerOpen(true);
                }}
              />
              <BrandTitle app={app} compact />
            </>
          ) : (
            <Button
              type="text"
              icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
              aria-label={collapsed ? t('shell.expand') : t('shell.collapse')}
              onClick={() => setCollapsed((c) => !c)}
            />
          )}
          <div style={{ flex: 1 }} />
          <Suspense fallback={null}>
            <NotificationBell />
          </Suspense>
          <LanguageSwitch compact={phone} />
          <UserMenu compact={phone} />
        </Layout.Header>
        <Layout.Content
          id="main-content"
          tabIndex={-1}
          style={{ padding: phone ? 12 : 24, minWidth: 0, outline: 'none' }}
        >
          <NavPlaceContext.Provider value={place}>{children}</NavPlaceContext.Provider>
        </Layout.Content>
      </Layout>
      {phone && drawerUsed && (
        <Suspense fallback={null}>
          <NavDrawer
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            width={SIDER_WIDTH + 40}
            title={<BrandTitle app={app} compact />}
          >
            {menu}
          </NavDrawer>
        </Suspense>
      )}
    </Layout>
  );
}
