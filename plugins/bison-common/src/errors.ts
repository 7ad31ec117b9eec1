/**
 * Base class of every error this package throws because an input value is
 * invalid. Messages describe what is wrong without naming the field, so a
 * caller (e.g. an HTTP handler) can prefix the name of the field it parsed.
 *
 * @public
 */
export class BisonValidationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BisonValidationError';
  }
}

/**
 * A money amount is malformed or out of range.
 *
 * @public
 */
export class InvalidAmountError extends BisonValidationError {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidAmountError';
  }
}

/**
 * A quantity (Kubernetes resource quantity or usage quantity) is malformed or
 * out of range.
 *
 * @public
 */
export class InvalidQuantityError extends BisonValidationError {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidQuantityError';
  }
}

/**
 * A timestamp is not a strict RFC 3339 instant.
 *
 * @public
 */
export class InvalidInstantError extends BisonValidationError {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidInstantError';
  }
}
