import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { byName, useTRPC } from '@wenming/ui';
import { Select, type SelectProps } from 'antd';
import { useEffect, useState } from 'react';

/** Finds a unit by name or code on the server: a district can hold thousands. */
export function UnitSelect(props: Omit<SelectProps<string>, 'options' | 'showSearch'>) {
  const trpc = useTRPC();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    // Wait for a pause in typing rather than asking the server per keystroke.
    const timer = setTimeout(() => setQ(typed.trim()), 300);
    return () => clearTimeout(timer);
  }, [typed]);
  const units = useQuery({
    ...trpc.unit.list.queryOptions({ q: q || undefined, limit: 20 }),
    placeholderData: keepPreviousData,
  });
  return (
    <Select<string>
      showSearch={{ filterOption: false, onSearch: setTyped }}
      loading={units.isFetching}
      options={[...(units.data?.items ?? [])]
        .sort(byName((unit) => unit.name))
        .map((unit) => ({ value: unit.id, label: `${unit.name} · ${unit.code}` }))}
      {...props}
    />
  );
}
