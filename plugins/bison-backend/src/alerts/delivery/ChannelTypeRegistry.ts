import { AlertChannelType } from '@bison/plugin-bison-node';

/** The kinds of channel: built-in ones and those modules add. */
export class ChannelTypeRegistry {
  private readonly types = new Map<string, AlertChannelType<any, any>>();

  addChannelType(type: AlertChannelType<any, any>): void {
    if (this.types.has(type.type)) {
      throw new Error(
        `Alert channel type '${type.type}' is already registered`,
      );
    }
    this.types.set(type.type, type);
  }

  get(type: string): AlertChannelType<any, any> | undefined {
    return this.types.get(type);
  }

  list(): AlertChannelType<any, any>[] {
    return [...this.types.values()];
  }
}
