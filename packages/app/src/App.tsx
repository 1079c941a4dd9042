import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import signalsPlugin from '@backstage/plugin-signals/alpha';
import workerPlatformPlugin from '@worker-platform/plugin-worker-platform/alpha';
import { navModule } from './modules/nav';
import { homeModule } from './modules/home';

export default createApp({
  features: [
    catalogPlugin,
    // Pushes status changes to open pages; without it the Deployments
    // card and tab fall back to polling.
    signalsPlugin,
    workerPlatformPlugin,
    navModule,
    homeModule,
  ],
});
