import { type Provider } from '@nestjs/common';
import { ProcessOnboardingClient } from '@concord/contracts';
import { DownstreamClients } from '@concord/platform';

/** The onboarding process API, on the platform's pooled layer client. */
export const PROCESS_ONBOARDING_PROVIDER: Provider = {
  provide: ProcessOnboardingClient,
  useFactory: (clients: DownstreamClients) => new ProcessOnboardingClient(clients.get('process-onboarding')),
  inject: [DownstreamClients],
};
