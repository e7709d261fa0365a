import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@wenming/ui';

/** The unit's departments, for department pickers (leading group, task assignment, filters). */
export function useUnitDepartments(unitId: string) {
  const trpc = useTRPC();
  const unit = useQuery(trpc.unit.get.queryOptions({ id: unitId }));
  return { departments: unit.data?.departments ?? [], pending: unit.isPending };
}
