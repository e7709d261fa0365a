/**
 * Chinese names in the order people look them up: by pinyin (安 before 北 before 张), not
 * by code point. The database cannot do this everywhere (embedded PGlite has no ICU
 * collations), so lists the browser holds whole are put in this order there.
 */
const collator = new Intl.Collator('zh-CN', { numeric: true });

export const compareNames = (a: string, b: string) => collator.compare(a, b);

/** A comparator for `sort`, by the name `pick` reads from each item. */
export const byName =
  <T>(pick: (item: T) => string) =>
  (a: T, b: T) =>
    collator.compare(pick(a), pick(b));
