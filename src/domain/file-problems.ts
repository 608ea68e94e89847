/** How a problem of a validated input file is worded: its place as a path (`versions[1].title.fi`) and what is wrong. */
import type { z } from 'zod';

/** A zod path as written in problems: `indicators[2].source.table`, or `(top level)`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(top level)' : out;
}

/** Each zod issue as `path: reason`, with zod's wording made plain ("is required", "must be one of …"). */
export function issuesToProblems(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return `${formatPath(issue.path)}: unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    }
    // zod reports a missing field as a type error on `undefined` (issue.input is not kept).
    if (issue.code === 'invalid_type' && / received undefined$/.test(issue.message)) {
      return `${formatPath(issue.path)}: is required`;
    }
    if (issue.code === 'invalid_type' && issue.message.startsWith('Invalid input: ')) {
      return `${formatPath(issue.path)}: ${issue.message.slice('Invalid input: '.length)}`;
    }
    if (issue.code === 'invalid_value' && issue.message.startsWith('Invalid option: ')) {
      return `${formatPath(issue.path)}: must be one of ${issue.values.map((v) => `"${String(v)}"`).join(', ')}`;
    }
    return `${formatPath(issue.path)}: ${issue.message}`;
  });
}
