import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import { navModule } from './modules/nav';

// Plugins listed in this package's dependencies (Bison among them) are
// discovered and installed automatically through `app.packages: all`.
export default createApp({
  features: [catalogPlugin, navModule],
});
