import { ApiProperty } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsUrl,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { PARTNER_EVENT_TYPES, type PartnerEventType } from '@concord/queues';

const ENDPOINT_ID = '0f8fad5b-d9cb-469f-a165-70867728950e';

export class CreateWebhookEndpointDto {
  @ApiProperty({
    description: 'Where Concord POSTs events; http(s), no redirects are followed',
    example: 'https://portal.example.com/hooks/concord',
    maxLength: 2048,
  })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  @MaxLength(2048)
  url!: string;

  @ApiProperty({
    enum: PARTNER_EVENT_TYPES,
    isArray: true,
    example: ['customer.onboarding.completed', 'customer.onboarding.rejected'],
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(PARTNER_EVENT_TYPES.length)
  @ArrayUnique()
  @IsIn(PARTNER_EVENT_TYPES, { each: true })
  eventTypes!: PartnerEventType[];
}

export class WebhookEndpointIdParamDto {
  @ApiProperty({ format: 'uuid', example: ENDPOINT_ID })
  @IsUUID()
  id!: string;
}

export class WebhookEndpointDto {
  @ApiProperty({ format: 'uuid', example: ENDPOINT_ID })
  id!: string;

  @ApiProperty({ example: 'https://portal.example.com/hooks/concord' })
  url!: string;

  @ApiProperty({ enum: PARTNER_EVENT_TYPES, isArray: true, example: ['customer.onboarding.completed'] })
  eventTypes!: string[];

  @ApiProperty({ format: 'date-time', example: '2026-11-23T10:00:00.000Z' })
  createdAt!: string;
}

export class CreatedWebhookEndpointDto extends WebhookEndpointDto {
  @ApiProperty({
    description:
      'Signing secret, shown on creation only: verify `Concord-Signature: t=<unix>,v1=<hex>` as ' +
      'HMAC-SHA256 of `<t>.<raw body>` keyed with this whole string',
    example: 'whsec_4eC39HqLyjWDarjtT1zdp7dc9Qk2W0Yh3rJt0M9vS8w',
  })
  secret!: string;
}

export class WebhookEndpointListDto {
  @ApiProperty({ type: [WebhookEndpointDto] })
  items!: WebhookEndpointDto[];
}
