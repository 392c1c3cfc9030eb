import type { z } from 'zod';

/** One thing wrong with one record, said so that a person can find and fix it. */
export interface ValidationIssue {
  /** Where the record sits: `entities[12] (id pf-0012)`, or a line of a file. */
  record: string;
  /** Dotted path of the field inside the record, or '' for the record as a whole. */
  field: string;
  message: string;
}

export function formatIssue(issue: ValidationIssue, file?: string): string {
  const where = [file, issue.record, issue.field].filter((part) => part !== undefined && part !== '');
  return `${where.join(': ')}: ${issue.message}`;
}

/** Dotted path of a zod issue: `attributes.capabilities[2]`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** Turns zod's issues into ours, one per offending field, with the record named. */
export function issuesFromZod(error: z.ZodError, record: string): ValidationIssue[] {
  return error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return {
        record,
        field: fieldPath(issue.path),
        message: `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `'${k}'`).join(', ')}`,
      };
    }
    if (issue.code === 'invalid_type' && issue.message.endsWith('received undefined')) {
      return { record, field: fieldPath(issue.path), message: `missing; expected ${issue.expected}` };
    }
    return { record, field: fieldPath(issue.path), message: issue.message };
  });
}

/** Thrown by the model's parse helpers; carries every issue found, not only the first. */
export class ModelValidationError extends Error {
  readonly issues: ValidationIssue[];
  readonly file: string | undefined;

  constructor(issues: ValidationIssue[], file?: string, summary?: string) {
    const shown = issues.slice(0, 20).map((issue) => `  ${formatIssue(issue, file)}`);
    const more = issues.length > 20 ? [`  … and ${issues.length - 20} more`] : [];
    super(
      [
        summary ?? `${issues.length} validation error${issues.length === 1 ? '' : 's'}`,
        ...shown,
        ...more,
      ].join('\n'),
    );
    this.name = 'ModelValidationError';
    this.issues = issues;
    this.file = file;
  }
}
