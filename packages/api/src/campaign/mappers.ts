import type { TLeadingGroupMember } from '@wenming/domain';
import type * as repo from './repository';

type MemberRow = Awaited<ReturnType<typeof repo.listLeadingGroup>>[number];

export function toMember(m: MemberRow): TLeadingGroupMember {
  return {
    id: m.id,
    role: m.role,
    name: m.name,
    title: m.title,
    departmentId: m.department_id,
    departmentName: m.department_name,
    phone: m.phone,
    validFrom: m.valid_from.toISOString(),
    validTo: m.valid_to ? m.valid_to.toISOString() : null,
  };
}
