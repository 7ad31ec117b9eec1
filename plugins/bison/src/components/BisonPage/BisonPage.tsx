import { Content, Header, Page } from '@backstage/core-components';
import { BisonOverview } from '../BisonOverview';

/** The Bison page with its own header, for apps on the legacy frontend system. */
export function BisonPage() {
  return (
    <Page themeId="tool">
      <Header
        title="Bison"
        subtitle="Team wallets, Kubernetes usage costs and quotas"
      />
      <Content>
        <BisonOverview />
      </Content>
    </Page>
  );
}
