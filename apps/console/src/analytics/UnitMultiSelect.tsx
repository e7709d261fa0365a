import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTRPC } from '@wenming/ui';
import { Select } from 'antd';
import { useEffect, useMemo, useState } from 'react';

/**
 * Several units, found by name or code on the server. `known` names units already chosen
 * (from the address) so they show by name before anyone searches.
 */
export function UnitMultiSelect({
  value,
  onChange,
  known,
  placeholder,
  max = 10,
}: {
  value: string[];
  onChange: (ids: string[]) => void;
  known: { id: string; name: string }[];
  placeholder: string;
  max?: number;
}) {
  const trpc = useTRPC();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), 300);
    return () => clearTimeout(timer);
  }, [typed]);
  const units = useQuery({
    ...trpc.unit.list.queryOptions({ q: q || undefined, limit: 20 }),
    placeholderData: keepPreviousData,
  });
  const options = useMemo(() => {
    const byId = new Map(known.map((u) => [u.id, u.name]));
    for (const u of units.data?.items ?? []) byId.set(u.id, `${u.name} · ${u.code}`);
    return [...byId].map(([id, label]) => ({
      value: id,
      label,
      disabled: value.length >= max && !value.includes(id),
    }));
  }, [known, units.data, value, max]);
  return (
    <Select<string[]>
      mode="multiple"
      value={value}
      onChange={onChange}
      options={options}
      placeholder={placeholder}
      aria-label={placeholder}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      loading={units.isFetching}
      maxTagTextLength={14}
      style={{ width: '100%' }}
    />
  );
}
