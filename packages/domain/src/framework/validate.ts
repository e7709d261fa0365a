import type { z } from 'zod';
import { type TFrameworkFile, ZFrameworkFile } from './file-schema';

export interface FrameworkProblem {
  /** JSON path in the file, e.g. `categories[2].points`. */
  path: string;
  /** Which rule: `shape`, `unknown-key`, `unique-code`, `category-sum`, `total-sum`, `basic-special-sum`, `pass-threshold`. */
  rule: string;
  message: string;
}

export type FrameworkValidation =
  | { ok: true; framework: TFrameworkFile }
  | { ok: false; problems: FrameworkProblem[] };

/** Sums of points are compared with a tolerance: files carry halves and tenths. */
const EPSILON = 1e-6;
const fmt = (n: number) => String(Math.round(n * 1e6) / 1e6);

export function jsonPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out ? `.${String(key)}` : String(key);
  return out || '(file)';
}

function shapeProblems(error: z.ZodError): FrameworkProblem[] {
  return error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: jsonPath([...issue.path, key]),
        rule: 'unknown-key',
        message: `unknown key "${key}"`,
      }));
    }
    return [{ path: jsonPath(issue.path), rule: 'shape', message: issue.message }];
  });
}

/**
 * Checks a parsed JSON value against the format and every invariant of FORMAT.md. All
 * problems are reported at once, each with its JSON path and rule, so a file can be fixed
 * in one pass.
 */
export function validateFramework(value: unknown): FrameworkValidation {
  const parsed = ZFrameworkFile.safeParse(value);
  if (!parsed.success) return { ok: false, problems: shapeProblems(parsed.error) };
  const fw = parsed.data;
  const problems: FrameworkProblem[] = [];

  const seen = new Map<string, string>();
  const claim = (code: string, path: string) => {
    const first = seen.get(code);
    if (first)
      problems.push({ path, rule: 'unique-code', message: `code "${code}" is already used at ${first}` });
    else seen.set(code, path);
  };
  fw.categories.forEach((category, ci) => {
    claim(category.code, `categories[${ci}].code`);
    category.indicators.forEach((indicator, ii) => {
      claim(indicator.code, `categories[${ci}].indicators[${ii}].code`);
    });
    const sum = category.indicators.reduce((acc, i) => acc + i.points, 0);
    if (Math.abs(sum - category.points) > EPSILON) {
      problems.push({
        path: `categories[${ci}].points`,
        rule: 'category-sum',
        message: `${fmt(category.points)} ≠ ${fmt(sum)}, the sum of its indicators`,
      });
    }
  });
  const vetoCodes = new Map<string, number>();
  fw.vetoItems.forEach((item, vi) => {
    const first = vetoCodes.get(item.code);
    if (first !== undefined) {
      problems.push({
        path: `vetoItems[${vi}].code`,
        rule: 'unique-code',
        message: `code "${item.code}" is already used at vetoItems[${first}]`,
      });
    } else vetoCodes.set(item.code, vi);
  });

  const total = fw.categories.reduce((acc, c) => acc + c.points, 0);
  if (Math.abs(total - fw.totalPoints) > EPSILON) {
    problems.push({
      path: 'totalPoints',
      rule: 'total-sum',
      message: `${fmt(fw.totalPoints)} ≠ ${fmt(total)}, the sum of the categories`,
    });
  }
  if (fw.basicPoints !== undefined && fw.specialPoints !== undefined) {
    const sum = fw.basicPoints + fw.specialPoints;
    if (Math.abs(sum - fw.totalPoints) > EPSILON) {
      problems.push({
        path: 'basicPoints',
        rule: 'basic-special-sum',
        message: `basicPoints ${fmt(fw.basicPoints)} + specialPoints ${fmt(fw.specialPoints)} = ${fmt(sum)} ≠ totalPoints ${fmt(fw.totalPoints)}`,
      });
    }
  }
  if (fw.passThreshold !== null && (fw.passThreshold < 0 || fw.passThreshold > fw.totalPoints)) {
    problems.push({
      path: 'passThreshold',
      rule: 'pass-threshold',
      message: `${fmt(fw.passThreshold)} is outside 0 … ${fmt(fw.totalPoints)}`,
    });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, framework: fw };
}

/** `file: path: message` lines, as the CLI and the console show them. */
export function describeProblems(fileName: string, problems: FrameworkProblem[]): string[] {
  return problems.map((p) => `${fileName}: ${p.path}: ${p.message} [${p.rule}]`);
}
