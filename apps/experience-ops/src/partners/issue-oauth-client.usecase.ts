import { Injectable } from '@nestjs/common';
import { type AdminActor, PartnerAdminService } from '@concord/governance';
import { IdempotentWrite } from '@concord/platform';
import { issueOnce } from './issue-once.util.js';
import { type IssuedOAuthClientDto, type IssueKeyDto } from './partners.dto.js';

/** Issues an OAuth2 client once per Idempotency-Key; the secret is in the first answer only. */
@Injectable()
export class IssueOAuthClientUseCase {
  constructor(
    private readonly idempotent: IdempotentWrite,
    private readonly admin: PartnerAdminService,
  ) {}

  execute(
    actor: AdminActor,
    partnerId: string,
    key: string | undefined,
    body: IssueKeyDto,
  ): Promise<IssuedOAuthClientDto> {
    const scope = `experience-ops:${actor.id}:oauth-clients:${partnerId}`;
    return issueOnce(this.idempotent, scope, key, body, async () => {
      const issued = await this.admin.issueOAuthClient(partnerId, body.scopes, actor);
      return {
        view: { ...issued.client, clientId: issued.clientId },
        secrets: { clientSecret: issued.clientSecret },
      };
    });
  }
}
