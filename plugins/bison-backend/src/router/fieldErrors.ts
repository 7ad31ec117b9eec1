import { InputError } from '@backstage/errors';
import { BisonValidationError } from '@bison/plugin-bison-common';
import type { z } from 'zod';

/**
 * Runs a parser of the domain core on one request field and turns its
 * validation error into a 400 that names the field, e.g.
 * `'amount' has more than 2 decimal places`.
 */
export function parseField<T>(field: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof BisonValidationError) {
      const message = error.message.replace(
        /^(amount|quantity|timestamp)\b/,
        `'${field}'`,
      );
      throw new InputError(
        message.startsWith(`'${field}'`) ? message : `'${field}': ${message}`,
      );
    }
    throw error;
  }
}

/** A required, non-blank text field. */
export function requireText(field: string, value: string | undefined): string {
  const trimmed = value?.trim();
  if (!trimmed) throw new InputError(`'${field}' is required`);
  return trimmed;
}

/** Rejects fields the route does not know, so that typos are not ignored. */
export function rejectUnknownFields(
  body: object,
  known: readonly string[],
): void {
  const unknown = Object.keys(body).filter(key => !known.includes(key));
  if (unknown.length > 0) {
    throw new InputError(
      `unknown field${unknown.length > 1 ? 's' : ''} ${unknown
        .map(key => `'${key}'`)
        .join(', ')}; expected ${known.map(key => `'${key}'`).join(', ')}`,
    );
  }
}

/**
 * Validates a value with a zod schema; the first problem becomes a 400
 * naming the field by its path, e.g. `'settings.port' Too big: ...`.
 */
export function parseWithSchema<T>(
  field: string,
  schema: z.ZodType<T>,
  value: unknown,
): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const [issue] = result.error.issues;
  const path = [field, ...issue.path.map(String)].join('.');
  throw new InputError(
    `'${path}' ${issue.message.replace(/^Invalid input: /, '')}`,
  );
}
