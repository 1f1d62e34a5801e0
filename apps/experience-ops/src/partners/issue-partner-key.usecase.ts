import { Injectable } from '@nestjs/common';
import { type AdminActor, PartnerAdminService } from '@concord/governance';
import { IdempotentWrite } from '@concord/platform';
import { issueOnce } from './issue-once.util.js';
import { type IssuedKeyDto, type IssueKeyDto } from './partners.dto.js';

/** Issues a key once per Idempotency-Key; the key is in the first answer only. */
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
    const scope = `experience-ops:${actor.id}:partner-keys:${partnerId}`;
    return issueOnce(this.idempotent, scope, key, body, async () => {
      const issued = await this.admin.issueKey(partnerId, body.scopes, actor);
      return { view: issued.key, secrets: { apiKey: issued.apiKey } };
    });
  }
}
