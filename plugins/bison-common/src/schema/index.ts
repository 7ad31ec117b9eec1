import type { components, operations } from './openapi.generated';

/**
 * The shapes of the backend API's requests and responses, generated from its
 * OpenAPI document (`yarn workspace @bison/plugin-bison-backend generate`).
 *
 * @public
 */
export type ApiSchemas = components['schemas'];

/**
 * The query parameters of one of the backend API's operations.
 *
 * @public
 */
export type ApiQuery<Operation extends keyof operations> = NonNullable<
  operations[Operation]['parameters']['query']
>;
