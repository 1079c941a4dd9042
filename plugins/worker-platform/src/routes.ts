import { createRouteRef } from '@backstage/core-plugin-api';

/** Where the legacy `EntityWorkerPlatformContent` tab is mounted. */
export const rootRouteRef = createRouteRef({ id: 'worker-platform' });
