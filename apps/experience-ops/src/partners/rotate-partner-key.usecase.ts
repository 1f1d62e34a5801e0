import { Injectable } from '@nestjs/common';
import { type AdminActor, DEFAULT_ROTATION_OVERLAP_SECONDS, PartnerAdminService } from '@concord/governance';
import { IdempotentWrite } from '@concord/platform';
import { issueOnce } from './issue-once.util.js';
import { type RotatedKeyDto, type RotateKeyDto } from './partners.dto.js';

/** Replaces a key once per Idempotency-Key; the new key is in the first answer only. */
@Injectable()
export class RotatePartnerKeyUseCase {
  constructor(
    private readonly idempotent: IdempotentWrite,
    private readonly admin: PartnerAdminService,
  ) {}

  async execute(
    actor: AdminActor,
    target: { partnerId: string; keyId: string },
    key: string | undefined,
    body: RotateKeyDto,
  ): Promise<RotatedKeyDto> {
    const scope = `experience-ops:${actor.id}:rotate:${target.keyId}`;
    return issueOnce(this.idempotent, scope, key, body, async () => {
      const rotated = await this.admin.rotateKey(
        target.partnerId,
        target.keyId,
        body.overlapSeconds ?? DEFAULT_ROTATION_OVERLAP_SECONDS,
        actor,
      );
      return { view: { ...rotated.key, previous: rotated.previous }, secrets: { apiKey: rotated.apiKey } };
    });
  }
}
