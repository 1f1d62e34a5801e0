import { Injectable } from '@nestjs/common';
import { type AdminActor, PartnerAdminService } from '@concord/governance';
import { IdempotentWrite } from '@concord/platform';
import { type IssuedKeyDto, type IssueKeyDto } from './partners.dto.js';

/**
 * Issues a key once per Idempotency-Key. The stored answer never holds the key: a replay describes the
 * key issued the first time, without it.
 */
@Injectable()
export class IssuePartnerKeyUseCase {
  constructor(
    private readonly idempotent: IdempotentWrite,
    private readonly admin: PartnerAdminService,
  ) {}

  async execute(
    actor: AdminActor,
    partnerId: string,
    key: string | undefined,
    body: IssueKeyDto,
  ): Promise<IssuedKeyDto> {
    let apiKey: string | undefined;
    const scope = `experience-ops:${actor.id}:partner-keys:${partnerId}`;
    const result = await this.idempotent.run(scope, key, body, async () => {
      const issued = await this.admin.issueKey(partnerId, body.scopes, actor);
      apiKey = issued.apiKey;
      return { status: 201, body: issued.key };
    });
    return apiKey ? { ...result.body, apiKey } : result.body;
  }
}
