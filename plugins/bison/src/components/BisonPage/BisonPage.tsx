import { Content, Header, Page } from '@backstage/core-components';
import { BisonRouter } from './BisonRouter';

/**
 * The Bison page with its own header, for apps on the legacy frontend
 * system: the overview at its root, team pages at `teams/:team` and the
 * node pools at `nodes`.
 */
export function BisonPage() {
  return (
    <Page themeId="tool">
      <Header
        title="Bison"
        subtitle="Team wallets, Kubernetes usage costs and quotas"
      />
      <Content>
        <BisonRouter />
      </Content>
    </Page>
  );
}
