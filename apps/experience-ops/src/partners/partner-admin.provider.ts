import { type Provider } from '@nestjs/common';
import { PartnerAdminService } from '@concord/governance';
import { DataSource } from '@concord/persistence';

export const PARTNER_ADMIN_PROVIDER: Provider = {
  provide: PartnerAdminService,
  useFactory: (dataSource: DataSource) => new PartnerAdminService(dataSource),
  inject: [DataSource],
};
