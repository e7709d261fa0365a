export { APP_ROLE, applyTenantPolicies, canTakeAppRole } from './policies';
export {
  enterTenantScope,
  leaveTenantScope,
  type ScopeGrant,
  type SessionCheck,
  type TenantScope,
  tenantScopeFor,
  withTenantScope,
} from './scope';
export { NOT_TENANT_TABLES, TENANT_TABLES, type TenantTable } from './tenant-tables';
