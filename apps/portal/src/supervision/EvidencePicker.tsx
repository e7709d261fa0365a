import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTRPC } from '@wenming/ui';
import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Ledger items of the unit, found by title on the server; chosen ones keep their names while searching. */
export function EvidencePicker({
  value,
  onChange,
  initialLabels,
  id,
}: {
  value?: string[];
  onChange?: (ids: string[]) => void;
  initialLabels: Record<string, string>;
  id?: string;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [labels, setLabels] = useState<Record<string, string>>(initialLabels);
  useEffect(() => {
    // Wait for a pause in typing rather than asking the server per keystroke.
    const timer = setTimeout(() => setQ(typed.trim()), 300);
    return () => clearTimeout(timer);
  }, [typed]);
  const items = useQuery({
    ...trpc.evidence.list.queryOptions({ q: q || undefined, limit: 20 }),
    placeholderData: keepPreviousData,
  });
  useEffect(() => {
    const found = items.data?.items;
    if (found)
      setLabels((l) => ({
        ...l,
        ...Object.fromEntries(found.map((e) => [e.id, `${e.title}（${e.eventDate}）`])),
      }));
  }, [items.data]);
  const chosen = value ?? [];
  const options = [
    ...chosen.map((v) => ({ value: v, label: labels[v] ?? v })),
    ...(items.data?.items ?? [])
      .filter((e) => !chosen.includes(e.id))
      .map((e) => ({ value: e.id, label: `${e.title}（${e.eventDate}）` })),
  ];
  return (
    <Select
      id={id}
      mode="multiple"
      allowClear
      value={chosen}
      onChange={onChange}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      loading={items.isFetching}
      placeholder={t('supervision.answerEvidencePlaceholder')}
      options={options}
      notFoundContent={items.isFetching ? t('common.loading') : undefined}
    />
  );
}
