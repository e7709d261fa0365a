export { accessibleWhere } from './accessible-where';
