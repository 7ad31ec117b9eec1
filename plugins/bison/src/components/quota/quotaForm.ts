import { ComputeResource, ResourceList } from '../../api';
import {
  emptyInput,
  joinQuantity,
  QuantityInput,
  splitQuantity,
} from './quantityInput';
import { kindOfQuotaKey } from './quantityKinds';

/** The quota editor's state: what is typed per quota key, and what was loaded. */
export interface QuotaForm {
  fields: Record<string, QuantityInput>;
  /** The hard map the editor was opened with. */
  initial: ResourceList;
}

/** A form showing `hard` (each value in the unit it was written in). */
export function quotaForm(hard: ResourceList = {}): QuotaForm {
  const fields: Record<string, QuantityInput> = {};
  for (const [key, value] of Object.entries(hard)) {
    fields[key] = splitQuantity(value, kindOfQuotaKey(key));
  }
  return { fields, initial: { ...hard } };
}

/** What the form shows for a quota key: its input, or empty (no limit). */
export function fieldOf(form: QuotaForm, key: string): QuantityInput {
  return form.fields[key] ?? emptyInput(kindOfQuotaKey(key));
}

export function withField(
  form: QuotaForm,
  key: string,
  input: QuantityInput,
): QuotaForm {
  return { ...form, fields: { ...form.fields, [key]: input } };
}

/** The quota keys the resources offer. */
function offeredKeys(resources: ComputeResource[]): string[] {
  return resources.flatMap(resource => resource.quotaKeys);
}

/** Loaded keys no resource offers any more; the backend would refuse them. */
export function droppedKeys(
  form: QuotaForm,
  resources: ComputeResource[],
): string[] {
  const offered = new Set(offeredKeys(resources));
  return Object.keys(form.initial).filter(key => !offered.has(key));
}

/**
 * Validates every field and builds the `hard` map to send: one entry per
 * non-empty field, keyed by quota key. A value left as loaded is sent back
 * exactly as it was written ('1G' stays '1G'); keys no resource offers are
 * left out.
 */
export function validateQuotaForm(
  form: QuotaForm,
  resources: ComputeResource[],
): { hard: ResourceList; errors: Record<string, string> } {
  const hard: ResourceList = {};
  const errors: Record<string, string> = {};
  for (const key of offeredKeys(resources)) {
    const kind = kindOfQuotaKey(key);
    const input = fieldOf(form, key);
    const check = joinQuantity(input, kind);
    if (!check.ok) {
      errors[key] = check.message;
      continue;
    }
    if (check.quantity === undefined) continue;
    const initial = form.initial[key];
    const loaded =
      initial === undefined ? undefined : splitQuantity(initial, kind);
    const unchanged =
      loaded?.amount === input.amount && loaded?.unit === input.unit;
    hard[key] = unchanged && initial !== undefined ? initial : check.quantity;
  }
  return { hard, errors };
}
