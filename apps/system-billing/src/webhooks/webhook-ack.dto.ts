import { ApiProperty } from '@nestjs/swagger';

/** Answer to a webhook delivery Concord accepted. */
export class WebhookAckDto {
  @ApiProperty({ example: true })
  received!: boolean;

  @ApiProperty({ description: 'true when this event had been recorded before', example: false })
  duplicate!: boolean;
}
