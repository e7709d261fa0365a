import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTRPC } from '@wenming/ui';
import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Items of this campaign's ledger, found by title; those already linked keep their names. */
export function CampaignEvidencePicker({
  campaignId,
  known,
  value,
  onChange,
  id,
}: {
  campaignId: string;
  known: Record<string, string>;
  value?: string[];
  onChange?: (ids: string[]) => void;
  id?: string;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [open, setOpen] = useState(false);
  useEffect(() => {
    // Ask the server after a pause in typing, not per keystroke.
    const timer = setTimeout(() => setQ(typed.trim()), 300);
    return () => clearTimeout(timer);
  }, [typed]);
  const items = useQuery({
    ...trpc.evidence.list.queryOptions({ campaignId, q: q || undefined, limit: 20 }),
    enabled: open,
    placeholderData: keepPreviousData,
  });
  const chosen = value ?? [];
  const found = items.data?.items ?? [];
  const labels = {
    ...known,
    ...Object.fromEntries(found.map((e) => [e.id, `${e.title}（${e.eventDate}）`])),
  };
  const options = [
    ...chosen.map((v) => ({ value: v, label: labels[v] ?? v })),
    ...Object.entries(known)
      .filter(([k]) => !chosen.includes(k))
      .map(([value, label]) => ({ value, label })),
    ...found
      .filter((e) => !chosen.includes(e.id) && !known[e.id])
      .map((e) => ({ value: e.id, label: labels[e.id]! })),
  ];
  return (
    <Select
      id={id}
      mode="multiple"
      allowClear
      value={chosen}
      onChange={onChange}
      onOpenChange={setOpen}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      loading={items.isFetching}
      placeholder={t('assessment.linkEvidencePlaceholder')}
      options={options}
      notFoundContent={items.isFetching ? t('common.loading') : undefined}
    />
  );
}
