import type { TListUnits } from '@wenming/domain';
import { ExportTableButton, formatDate, formatTerm, loadWorkStrings, useTRPCClient } from '@wenming/ui';
import { useTranslation } from 'react-i18next';

loadWorkStrings();

/** The whole unit register as filtered on screen, every page of it, as a workbook. */
export function UnitExportButton({ filters }: { filters: Omit<TListUnits, 'cursor' | 'limit'> }) {
  const { t } = useTranslation();
  const client = useTRPCClient();
  return (
    <ExportTableButton
      fileName={t('unit.register')}
      sheetName={t('unit.register')}
      columns={[
        { key: 'code', title: t('unit.code') },
        { key: 'name', title: t('unit.name') },
        { key: 'type', title: t('unit.type') },
        { key: 'office', title: t('unit.office') },
        { key: 'level', title: t('unit.level') },
        { key: 'term', title: t('unit.term') },
        { key: 'updatedAt', title: t('unit.updatedAt') },
      ]}
      fetchPage={(cursor) => client.unit.list.query({ ...filters, cursor, limit: 200 })}
      toRow={(u) => ({
        code: u.code,
        name: u.name,
        type: t(`unitType.${u.type}`),
        office: u.officeName,
        level: t(`level.${u.level}`),
        term: formatTerm(u.termStartYear, u.termEndYear) ?? '',
        updatedAt: formatDate(u.updatedAt),
      })}
    />
  );
}

/** Every account in reach matching the search, with roles spelled out; never passwords. */
export function UserExportButton({ q }: { q: string | undefined }) {
  const { t } = useTranslation();
  const client = useTRPCClient();
  return (
    <ExportTableButton
      fileName={t('user.list')}
      sheetName={t('user.list')}
      columns={[
        { key: 'username', title: t('user.username') },
        { key: 'displayName', title: t('user.displayName') },
        { key: 'roles', title: t('user.roles') },
        { key: 'phone', title: t('user.phone') },
        { key: 'active', title: t('user.active') },
      ]}
      fetchPage={(cursor) => client.user.list.query({ q, cursor, limit: 200 })}
      toRow={(u) => ({
        username: u.username,
        displayName: u.displayName,
        roles: u.roles
          .map(
            (r) =>
              `${t(`role.${r.role}`)}（${[r.unitName ?? r.officeName, r.departmentName].filter(Boolean).join(' / ')}）`,
          )
          .join('；'),
        phone: u.phone ?? '',
        active: u.active ? t('user.enabled') : t('user.disabled'),
      })}
    />
  );
}
