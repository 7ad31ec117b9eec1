/**
 * Bison domain core: money, Kubernetes quantities, usage rating, billing
 * windows and permissions, shared by the frontend and backend.
 *
 * @packageDocumentation
 */

export {
  BisonValidationError,
  InvalidAmountError,
  InvalidQuantityError,
  InvalidInstantError,
} from './errors';
export * from './money';
export * from './quantity';
export * from './rating';
export * from './time';
export * from './permissions';
export * from './catalog';
export * from './validation';
export * from './wallet';
export type { ApiQuery, ApiSchemas } from './schema';
