export { accessibleWhere, conditionFields } from './accessible-where';
