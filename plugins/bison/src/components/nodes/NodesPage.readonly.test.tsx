import { act, screen, waitFor } from '@testing-library/react';
import { DENY, renderWithApis } from '../../__testUtils__/apis';
import { aNode, mockBisonApi } from '../../__testUtils__/fixtures';
import { NodesPage } from './NodesPage';

// Its own file: usePermission caches the decision of the basic
// nodesManagePermission for the whole file.
describe('NodesPage without the permission to manage nodes', () => {
  it('lists the nodes without Assign and Release', async () => {
    const authorize = jest.fn(() => DENY);
    await renderWithApis(<NodesPage />, {
      bison: mockBisonApi({
        listNodes: async () => [
          aNode('cpu-1'),
          aNode('gpu-1', { team: 'ml-team' }),
        ],
      }),
      authorize,
    });
    expect(
      await screen.findByText('gpu-1', { selector: 'td' }),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(authorize).toHaveBeenCalledWith(
        expect.objectContaining({
          permission: expect.objectContaining({ name: 'bison.nodes.manage' }),
        }),
      ),
    );
    await act(() => new Promise(resolve => setTimeout(resolve, 0)));
    expect(screen.queryByRole('button', { name: /Assign node/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /Release node/ })).toBeNull();
    expect(screen.queryByText('Actions')).toBeNull();
  });
});
