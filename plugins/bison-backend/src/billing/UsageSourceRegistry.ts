import { ConflictError } from '@backstage/errors';
import {
  BisonUsageSourcesExtensionPoint,
  UsageSource,
} from '@bison/plugin-bison-node';

/** Usage sources contributed by backend modules, by id. */
export class UsageSourceRegistry implements BisonUsageSourcesExtensionPoint {
  private readonly sources = new Map<string, UsageSource>();

  addUsageSource(source: UsageSource): void {
    if (this.sources.has(source.id)) {
      throw new ConflictError(
        `A usage source with id '${source.id}' is already registered`,
      );
    }
    this.sources.set(source.id, source);
  }

  get(id: string): UsageSource | undefined {
    return this.sources.get(id);
  }

  ids(): string[] {
    return [...this.sources.keys()];
  }
}
