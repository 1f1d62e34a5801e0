import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { PartnerLimitsRepository } from './partner-limits.repository.js';
import { PartnerQuotaInterceptor } from './partner-quota.interceptor.js';
import { PartnerQuotaService } from './partner-quota.service.js';
import { RateLimitStoreService } from './rate-limit-store.service.js';

/** Per-partner rate limits and daily quotas on every partner route. */
@Module({
  providers: [
    PartnerLimitsRepository,
    RateLimitStoreService,
    PartnerQuotaService,
    { provide: APP_INTERCEPTOR, useClass: PartnerQuotaInterceptor },
  ],
})
export class QuotasModule {}
