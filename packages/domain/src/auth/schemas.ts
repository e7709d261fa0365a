import { z } from 'zod';
import { ZId } from '../common/schemas';
import { ZRoleAssignment } from '../user/schemas';

export const ZLogin = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
});
export type TLogin = z.infer<typeof ZLogin>;

export const ZMe = z.object({
  user: z.object({ id: ZId, username: z.string(), displayName: z.string() }),
  roles: z.array(ZRoleAssignment),
  /** Offices the caller acts in (whole subtrees), and the unit for unit-side staff. */
  scope: z.object({ officeIds: z.array(ZId), unitId: ZId.nullable(), departmentIds: z.array(ZId) }),
  /** Packed CASL rules: the SPAs hide what the server would refuse. */
  rules: z.array(z.array(z.unknown())),
});
export type TMe = z.infer<typeof ZMe>;
export const ZOk = z.object({ ok: z.literal(true) });
