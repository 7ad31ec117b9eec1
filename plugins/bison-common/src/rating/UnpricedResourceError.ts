/**
 * Usage refers to a resource that has no price (and no base-resource price).
 * This is a configuration problem of the price table, not a malformed input,
 * so it is not a BisonValidationError.
 *
 * @public
 */
export class UnpricedResourceError extends Error {
  readonly namespace: string;
  readonly resource: string;

  constructor(namespace: string, resource: string) {
    super(`no price is set for resource '${resource}'`);
    this.name = 'UnpricedResourceError';
    this.namespace = namespace;
    this.resource = resource;
  }
}
