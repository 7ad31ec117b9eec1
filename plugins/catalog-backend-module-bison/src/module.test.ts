import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  catalogProcessingExtensionPoint,
  EntityProvider,
} from '@backstage/plugin-catalog-node';
import catalogModuleBison from '.';
import { BisonTenancyProcessor } from './processor/BisonTenancyProcessor';

describe('catalogModuleBison', () => {
  it('registers the tenancy provider and processor with the catalog', async () => {
    const extensionPoint = {
      addProcessor: jest.fn(),
      addEntityProvider: jest.fn(),
      addPlaceholderResolver: jest.fn(),
      setOnProcessingErrorHandler: jest.fn(),
    };
    const scheduler = mockServices.scheduler.mock();
    const run = jest.fn(async () => {});
    scheduler.createScheduledTaskRunner.mockReturnValue({ run });

    await startTestBackend({
      extensionPoints: [[catalogProcessingExtensionPoint, extensionPoint]],
      features: [
        catalogModuleBison,
        scheduler.factory,
        mockServices.rootConfig.factory({
          data: {
            catalog: {
              providers: {
                bison: {
                  schedule: { frequency: { seconds: 3 }, timeout: 'PT2S' },
                },
              },
            },
          },
        }),
      ],
    });

    expect(extensionPoint.addProcessor).toHaveBeenCalledWith(
      expect.any(BisonTenancyProcessor),
    );
    expect(extensionPoint.addEntityProvider).toHaveBeenCalledTimes(1);
    const provider: EntityProvider =
      extensionPoint.addEntityProvider.mock.calls[0][0];
    expect(provider.getProviderName()).toBe('bison-tenancy');
    expect(scheduler.createScheduledTaskRunner).toHaveBeenCalledWith({
      frequency: { seconds: 3 },
      timeout: { seconds: 2 },
    });

    // The catalog connects while the backend starts; the backend has started
    // by now, so the refresh gets scheduled on connection.
    await provider.connect({
      applyMutation: async () => {},
      refresh: async () => {},
    });
    await new Promise(resolve => setImmediate(resolve));
    expect(run).toHaveBeenCalledWith(
      expect.objectContaining({ id: 'bison-tenancy:refresh' }),
    );
  });
});
