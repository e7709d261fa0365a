import { rulesToAST } from '@casl/ability/extra';
import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Action, AppAbility, SubjectName } from '../ability';

interface AstNode {
  operator: string;
  value: unknown;
  field?: string;
}

const COMPARISONS: Record<string, string> = { eq: '=', ne: '<>', lt: '<', lte: '<=', gt: '>', gte: '>=' };

/**
 * Translates the caller's CASL rules for (action, subject) into a SQL condition, so lists
 * are filtered in the database and never fetched and then filtered. No rule means no rows.
 * Field names in rules are column names; `table` qualifies them when a query joins.
 */
export function accessibleWhere(
  ability: AppAbility,
  action: Action,
  subject: SubjectName,
  table?: string,
): (eb: ExpressionBuilder<any, any>) => Expression<SqlBool> {
  const ast = rulesToAST(ability, action, subject) as AstNode | null;
  return (eb) => (ast ? toSql(eb, ast, table) : sql<SqlBool>`false`);
}

function column(eb: ExpressionBuilder<any, any>, field: string, table?: string) {
  if (!/^[a-z_][a-z0-9_]*$/.test(field)) throw new Error(`accessibleWhere: unsafe field name ${field}`);
  return eb.ref(table ? `${table}.${field}` : field);
}

function toSql(eb: ExpressionBuilder<any, any>, node: AstNode, table?: string): Expression<SqlBool> {
  const children = () => (node.value as AstNode[]).map((child) => toSql(eb, child, table));
  switch (node.operator) {
    case 'and':
      return (node.value as AstNode[]).length === 0 ? sql<SqlBool>`true` : eb.and(children());
    case 'or':
      return eb.or(children());
    case 'not':
      return eb.not(eb.and(children()));
    case 'in':
    case 'nin': {
      const values = node.value as unknown[];
      if (values.length === 0) return node.operator === 'in' ? sql<SqlBool>`false` : sql<SqlBool>`true`;
      return eb(column(eb, node.field!, table), node.operator === 'in' ? 'in' : 'not in', values);
    }
    default: {
      const op = COMPARISONS[node.operator];
      if (!op) throw new Error(`accessibleWhere: operator ${node.operator} has no SQL translation`);
      if (node.value === null) {
        return eb(column(eb, node.field!, table), op === '=' ? 'is' : 'is not', null);
      }
      return eb(column(eb, node.field!, table), op as '=', node.value);
    }
  }
}

/**
 * The columns the caller's rules for (action, subject) test — an empty set when the rules
 * test nothing (the subject is readable whole), null when nothing is allowed. A condition
 * that tests only `office_id` applies as it is to any table that carries its row's office.
 */
export function conditionFields(
  ability: AppAbility,
  action: Action,
  subject: SubjectName,
): Set<string> | null {
  const ast = rulesToAST(ability, action, subject) as AstNode | null;
  if (!ast) return null;
  const fields = new Set<string>();
  const visit = (node: AstNode) => {
    if (node.field) fields.add(node.field);
    if (Array.isArray(node.value) && ['and', 'or', 'not'].includes(node.operator))
      for (const child of node.value as AstNode[]) visit(child);
  };
  visit(ast);
  return fields;
}
