import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { BisonApi, BisonSettings } from './BisonApi';

/**
 * {@link BisonApi} over HTTP. Requests go through the fetch API, which adds
 * the user's Backstage token; error responses become `ResponseError`s that
 * carry the backend's message.
 *
 * @public
 */
export class BisonClient implements BisonApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  getSettings(): Promise<BisonSettings> {
    return this.request<BisonSettings>('/settings');
  }

  private async request<T>(path: string, init?: RequestInit): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('bison');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, init);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
