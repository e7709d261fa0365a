import { theme } from 'antd';
import { type CSSProperties, useEffect } from 'react';
import { useTranslation } from 'react-i18next';

export type AppKind = 'console' | 'portal';

/** A glyph centred on a filled square or circle: the brand mark, the signed-in user's badge. */
export function glyphBox(size: number, radius: number | string, background: string): CSSProperties {
  return {
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    width: size,
    height: size,
    flex: 'none',
    borderRadius: radius,
    background,
  };
}

/** The platform's mark: the character 文 (文明) on the brand red. */
export function BrandMark({ size = 32 }: { size?: number }) {
  return (
    <span
      aria-hidden
      style={{
        ...glyphBox(size, size / 4, '#c7372f'),
        color: '#fff',
        fontWeight: 700,
        fontSize: size * 0.56,
        lineHeight: 1,
      }}
    >
      文
    </span>
  );
}

export function useAppTitle(app: AppKind) {
  const { t } = useTranslation();
  return {
    name: t('app.name'),
    shortName: t('app.shortName'),
    part: t(`app.${app}`),
    full: `${t('app.name')} · ${t(`app.${app}`)}`,
  };
}

/** The window title names the platform and the app, in the chosen language. */
export function useDocumentTitle(app: AppKind) {
  const { full } = useAppTitle(app);
  useEffect(() => {
    document.title = full;
  }, [full]);
}

export function BrandTitle({ app, compact = false }: { app: AppKind; compact?: boolean }) {
  const { token } = theme.useToken();
  const title = useAppTitle(app);
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 10, minWidth: 0 }}>
      <BrandMark size={compact ? 28 : 32} />
      <span style={{ display: 'flex', flexDirection: 'column', lineHeight: 1.25, minWidth: 0 }}>
        <span
          style={{
            fontWeight: 600,
            fontSize: compact ? token.fontSize : token.fontSizeLG,
            color: token.colorText,
            whiteSpace: 'nowrap',
            overflow: 'hidden',
            textOverflow: 'ellipsis',
          }}
        >
          {title.shortName}
        </span>
        <span style={{ fontSize: token.fontSizeSM, color: token.colorTextSecondary, whiteSpace: 'nowrap' }}>
          {title.part}
        </span>
      </span>
    </span>
  );
}
