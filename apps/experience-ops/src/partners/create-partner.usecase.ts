import { Injectable } from '@nestjs/common';
import { type AdminActor, PartnerAdminService, type PartnerView } from '@concord/governance';
import { IdempotentWrite } from '@concord/platform';
import { type CreatePartnerDto } from './partners.dto.js';

/** Creates a partner once per Idempotency-Key; it gets keys separately. */
@Injectable()
export class CreatePartnerUseCase {
  constructor(
    private readonly idempotent: IdempotentWrite,
    private readonly admin: PartnerAdminService,
  ) {}

  async execute(actor: AdminActor, key: string | undefined, body: CreatePartnerDto): Promise<PartnerView> {
    const result = await this.idempotent.run(`experience-ops:${actor.id}:partners`, key, body, async () => ({
      status: 201,
      body: await this.admin.createPartner(
        body.name.trim(),
        { rateLimit: body.rateLimit, dailyQuota: body.dailyQuota },
        actor,
      ),
    }));
    return result.body;
  }
}
