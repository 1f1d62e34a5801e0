import { Injectable } from '@nestjs/common';
import { IdempotentWrite } from '@concord/platform';
import { type CreatedWebhookEndpointDto, type CreateWebhookEndpointDto } from './webhook-endpoints.dto.js';
import { toWebhookEndpoint } from './webhook-endpoint.mapper.js';
import { WebhookEndpointsRepository } from './webhook-endpoints.repository.js';
import { WebhookSecretsService } from './webhook-secrets.service.js';

/**
 * Registers an endpoint once per Idempotency-Key. The stored answer holds the endpoint ID only, never
 * the secret; a replay reads the endpoint again and shows its secret to the partner that created it.
 */
@Injectable()
export class RegisterWebhookEndpointUseCase {
  constructor(
    private readonly idempotent: IdempotentWrite,
    private readonly endpoints: WebhookEndpointsRepository,
    private readonly secrets: WebhookSecretsService,
  ) {}

  async execute(
    partnerId: string,
    key: string | undefined,
    body: CreateWebhookEndpointDto,
  ): Promise<CreatedWebhookEndpointDto> {
    const result = await this.idempotent.run(
      `experience-partner:${partnerId}:webhook-endpoints`,
      key,
      body,
      async () => {
        const id = await this.endpoints.create(partnerId, {
          url: body.url,
          eventTypes: body.eventTypes,
          secretCiphertext: this.secrets.seal(this.secrets.generate()),
        });
        return { status: 201, body: { id } };
      },
    );
    const row = await this.endpoints.find(partnerId, result.body.id);
    if (!row) throw new Error(`webhook endpoint ${result.body.id} vanished after creation`);
    return { ...toWebhookEndpoint(row), secret: this.secrets.open(row.secretCiphertext) };
  }
}
