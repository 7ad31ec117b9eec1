import {
  ConflictError,
  InputError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';

/** The HTTP status of a failed Kubernetes API call, if it was one. */
export function kubernetesStatusOf(error: unknown): number | undefined {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'number' ? code : undefined;
}

function statusMessage(error: unknown): string | undefined {
  const body = (error as { body?: unknown })?.body;
  try {
    const status = typeof body === 'string' ? JSON.parse(body) : body;
    return typeof status?.message === 'string' ? status.message : undefined;
  } catch {
    return undefined;
  }
}

/**
 * How the API server words a denial by its authorizer (RBAC), as opposed to
 * one by admission control (a webhook such as Capsule's, a
 * ValidatingAdmissionPolicy, a terminating namespace), also a 403.
 */
const AUTHORIZER_DENIAL = /\bis forbidden: User ".*" cannot /;

/**
 * Turns a Kubernetes API failure into the Backstage error the API answers
 * with; `what` names the object for the message.
 */
export function fromKubernetesError(error: unknown, what: string): Error {
  const status = kubernetesStatusOf(error);
  const message = statusMessage(error);
  switch (status) {
    case 404:
      return new NotFoundError(`${what} does not exist in the cluster`);
    case 409:
      return new ConflictError(message ?? `${what} changed concurrently`);
    case 400:
    case 422:
      return new InputError(message ?? `the cluster rejected ${what}`);
    case 401:
    case 403: {
      // The API server's message tells RBAC from an admission denial (and
      // which webhook or policy, and why); it holds no secrets.
      const rbac =
        status === 401 ||
        message === undefined ||
        AUTHORIZER_DENIAL.test(message);
      return new Error(
        `the cluster denied Bison access to ${what} (HTTP ${status})${
          message ? `: ${message}` : ''
        }${rbac ? '; check the RBAC in deploy/' : ''}`,
      );
    }
    case undefined:
      return new ServiceUnavailableError(
        `the cluster is unreachable: ${(error as Error)?.message ?? error}`,
      );
    default:
      return new Error(
        `the cluster failed on ${what} (HTTP ${status})${
          message ? `: ${message}` : ''
        }`,
      );
  }
}
