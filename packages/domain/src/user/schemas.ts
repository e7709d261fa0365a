import { z } from 'zod';
import { ZCursor, ZId, ZLimit, zName, zPage, zText } from '../common/schemas';
import { ZPhone } from '../unit/schemas';

export const OFFICE_ROLES = ['office_admin', 'office_inspector', 'analyst'] as const;
export const UNIT_ROLES = ['unit_admin', 'unit_department_head', 'unit_member'] as const;
export const ROLES = [...OFFICE_ROLES, ...UNIT_ROLES] as const;
export const ZRole = z.enum(ROLES);
export type Role = z.infer<typeof ZRole>;

export function isOfficeRole(role: Role): role is (typeof OFFICE_ROLES)[number] {
  return (OFFICE_ROLES as readonly string[]).includes(role);
}

export const ZUsername = z
  .string()
  .trim()
  .min(3)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9._-]*$/, { message: 'lower-case letters, digits, . _ - only' });
export const ZPassword = z.string().min(8).max(200);

/** Where a role applies: an office (and its subtree), or a unit (and a department). */
export const ZRoleScope = z.object({
  role: ZRole,
  officeId: ZId.optional(),
  unitId: ZId.optional(),
  departmentId: ZId.optional(),
});
export type TRoleScope = z.infer<typeof ZRoleScope>;

export const ZRoleAssignment = z.object({
  id: ZId,
  role: ZRole,
  officeId: ZId,
  officeName: z.string(),
  unitId: ZId.nullable(),
  unitName: z.string().nullable(),
  departmentId: ZId.nullable(),
  departmentName: z.string().nullable(),
});
export type TRoleAssignment = z.infer<typeof ZRoleAssignment>;

export const ZUser = z.object({
  id: ZId,
  username: z.string(),
  displayName: z.string(),
  /** Personal data: null for roles that may not see it. */
  phone: z.string().nullable(),
  active: z.boolean(),
  officeId: ZId,
  unitId: ZId.nullable(),
  version: z.number().int(),
  roles: z.array(ZRoleAssignment),
});
export type TUser = z.infer<typeof ZUser>;

export const ZListUsers = z.object({
  officeId: ZId.optional(),
  unitId: ZId.optional(),
  q: zText(100).optional(),
  cursor: ZCursor.optional(),
  limit: ZLimit,
});
export const ZUserPage = zPage(ZUser);

export const ZCreateUser = z.object({
  username: ZUsername,
  displayName: zName(50),
  password: ZPassword,
  phone: ZPhone.optional(),
  role: ZRoleScope,
});
export type TCreateUser = z.input<typeof ZCreateUser>;

export const ZUpdateUser = z.object({
  id: ZId,
  version: z.number().int().min(1),
  displayName: zName(50).optional(),
  phone: ZPhone.nullable().optional(),
  active: z.boolean().optional(),
  password: ZPassword.optional(),
});

export const ZAssignRole = ZRoleScope.extend({ userId: ZId });
