import { type Provider } from '@nestjs/common';
import { SystemBillingClient, SystemCrmClient, SystemErpClient } from '@concord/contracts';
import { DownstreamClients } from '@concord/platform';

/** Typed clients of the three system APIs, on the platform's pooled layer clients. */
export const SYSTEM_CLIENT_PROVIDERS: Provider[] = [
  {
    provide: SystemCrmClient,
    useFactory: (clients: DownstreamClients) => new SystemCrmClient(clients.get('system-crm')),
    inject: [DownstreamClients],
  },
  {
    provide: SystemErpClient,
    useFactory: (clients: DownstreamClients) => new SystemErpClient(clients.get('system-erp')),
    inject: [DownstreamClients],
  },
  {
    provide: SystemBillingClient,
    useFactory: (clients: DownstreamClients) => new SystemBillingClient(clients.get('system-billing')),
    inject: [DownstreamClients],
  },
];
