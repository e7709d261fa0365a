import { useQuery } from '@tanstack/react-query';
import type { TOfficeNode } from '@wenming/domain';
import { useTRPC } from '@wenming/ui';
import { TreeSelect, type TreeSelectProps } from 'antd';
import { useMemo } from 'react';

interface OfficeOption {
  value: string;
  title: string;
  children: OfficeOption[];
}

/** office.tree answers flat, parents first; the picker wants them nested. */
function nest(items: TOfficeNode[]): OfficeOption[] {
  const byId = new Map<string, OfficeOption>();
  const roots: OfficeOption[] = [];
  for (const item of items) {
    const option: OfficeOption = { value: item.id, title: item.name, children: [] };
    byId.set(item.id, option);
    const parent = item.parentId ? byId.get(item.parentId) : undefined;
    (parent ? parent.children : roots).push(option);
  }
  return roots;
}

export function useOfficeTree() {
  const trpc = useTRPC();
  return useQuery(trpc.office.tree.queryOptions());
}

/** Picks one office of the caller's scope; works as a filter and as a form field. */
export function OfficeTreeSelect(props: Omit<TreeSelectProps<string>, 'treeData'>) {
  const offices = useOfficeTree();
  const treeData = useMemo(() => nest(offices.data?.items ?? []), [offices.data]);
  return (
    <TreeSelect<string>
      treeData={treeData}
      treeDefaultExpandAll
      showSearch={{ treeNodeFilterProp: 'title' }}
      loading={offices.isPending}
      status={offices.isError ? 'error' : undefined}
      popupMatchSelectWidth={false}
      {...props}
    />
  );
}
