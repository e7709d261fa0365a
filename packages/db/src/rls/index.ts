export { APP_ROLE, applyTenantPolicies } from './policies';
export { type ScopeGrant, type TenantScope, tenantScopeFor, withTenantScope } from './scope';
export { NOT_TENANT_TABLES, TENANT_TABLES, type TenantTable } from './tenant-tables';
