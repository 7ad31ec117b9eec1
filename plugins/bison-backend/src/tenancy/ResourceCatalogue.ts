import { KubernetesApi } from '../kubernetes/KubernetesApi';
import { ComputeResource, computeResources } from './quota/computeResources';

const TTL_MILLIS = 60_000;

/** The resource catalogue, read from the nodes at most once a minute. */
export class ResourceCatalogue {
  private cached?: { at: number; resources: Promise<ComputeResource[]> };

  constructor(private readonly kube: KubernetesApi) {}

  list(): Promise<ComputeResource[]> {
    const now = Date.now();
    if (!this.cached || now - this.cached.at > TTL_MILLIS) {
      const resources = this.kube.listNodes().then(computeResources);
      resources.catch(() => (this.cached = undefined));
      this.cached = { at: now, resources };
    }
    return this.cached.resources;
  }
}
