import { fromKubernetesError } from './kubernetesErrors';

/**
 * Kubernetes API calls counted one request each, so tests and benchmarks can
 * prove that lists are not N+1; failures become Backstage errors.
 */
export abstract class CountedCalls {
  private calls = 0;

  /** API requests made so far. */
  get requestCount(): number {
    return this.calls;
  }

  /** Makes one request; `what` names the object in an error. */
  protected async call<T>(what: string, request: () => Promise<T>): Promise<T> {
    this.calls += 1;
    try {
      return await request();
    } catch (error) {
      throw fromKubernetesError(error, what);
    }
  }
}
