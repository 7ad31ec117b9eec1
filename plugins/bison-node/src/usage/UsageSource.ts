/**
 * Usage of one resource by one namespace over a billing window.
 *
 * @public
 */
export interface NamespaceUsage {
  namespace: string;
  /**
   * Resource key: `cpu`, `memory`, `nvidia.com/gpu`, a GPU model such as
   * `nvidia.com/gpu:A100`, a MIG profile such as `nvidia.com/mig-1g.10gb`,
   * or any other extended resource.
   */
  resource: string;
  /**
   * Exact decimal quantity in the resource's hour unit: core-hours for `cpu`,
   * GiB-hours for `memory`, device-hours for devices.
   */
  quantity: string;
}

/**
 * A source of usage data for billing, such as OpenCost or Prometheus.
 *
 * @public
 */
export interface UsageSource {
  /** Stable identifier, selected by `bison.billing.source` in config. */
  readonly id: string;
  /**
   * Usage per namespace and resource for the half-open window `[start, end)`.
   * Must throw when the data is not (yet) available rather than return a
   * partial answer, so that the window is retried instead of under-charged.
   */
  getUsage(
    window: { start: Date; end: Date },
    options: { signal?: AbortSignal },
  ): Promise<NamespaceUsage[]>;
}
