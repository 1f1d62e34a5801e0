import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { PARTNER_SCOPES } from '@concord/governance';
import { PageQueryDto } from '../common/page-query.dto.js';

const PARTNER_ID = '5b0c7c1e-8a57-4f0b-9a54-0d9f3d1b2c11';
const KEY_ID = '9b2e8f0a-3c4d-4e5f-8a9b-0c1d2e3f4a5b';

export class RateLimitDto {
  @ApiProperty({ description: 'Requests allowed per window', minimum: 1, example: 50 })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  points!: number;

  @ApiProperty({ description: 'Window length in seconds', minimum: 1, maximum: 3600, example: 1 })
  @IsInt()
  @Min(1)
  @Max(3600)
  windowSeconds!: number;
}

export class PartnerLimitsDto {
  @ApiPropertyOptional({ type: RateLimitDto, nullable: true, description: 'null: the default limit' })
  @IsOptional()
  @ValidateNested()
  @Type(() => RateLimitDto)
  rateLimit?: RateLimitDto | null;

  @ApiPropertyOptional({
    nullable: true,
    minimum: 1,
    description: 'Requests per UTC day; null: the default',
    example: 50000,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000_000)
  dailyQuota?: number | null;
}

export class CreatePartnerDto extends PartnerLimitsDto {
  @ApiProperty({ example: 'Acme Portal', minLength: 1, maxLength: 200 })
  @IsString()
  @Length(1, 200)
  @Matches(/\S/)
  name!: string;
}

export class PartnerDto {
  @ApiProperty({ format: 'uuid', example: PARTNER_ID })
  id!: string;

  @ApiProperty({ example: 'Acme Portal' })
  name!: string;

  @ApiProperty({ enum: ['active', 'suspended'], example: 'active' })
  status!: 'active' | 'suspended';

  @ApiProperty({ type: RateLimitDto, nullable: true, example: null })
  rateLimit!: RateLimitDto | null;

  @ApiProperty({ nullable: true, example: null })
  dailyQuota!: number | null;

  @ApiProperty({ format: 'date-time', example: '2026-11-23T10:00:00.000Z' })
  createdAt!: string;
}

export class PartnerPageDto {
  @ApiProperty({ type: [PartnerDto] })
  items!: PartnerDto[];

  @ApiPropertyOptional({ description: 'Absent on the last page' })
  nextCursor?: string;
}

export class PartnerListQueryDto extends PageQueryDto {}

export class PartnerIdParamDto {
  @ApiProperty({ format: 'uuid', example: PARTNER_ID })
  @IsUUID()
  id!: string;
}

export class PartnerKeyParamDto extends PartnerIdParamDto {
  @ApiProperty({ format: 'uuid', example: KEY_ID })
  @IsUUID()
  keyId!: string;
}

export class IssueKeyDto {
  @ApiProperty({ enum: PARTNER_SCOPES, isArray: true, example: ['customers:read', 'customers:write'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(PARTNER_SCOPES.length)
  @ArrayUnique()
  @IsIn(PARTNER_SCOPES, { each: true })
  scopes!: string[];
}

export class RotateKeyDto {
  @ApiPropertyOptional({
    description: 'How long the old key keeps working, in seconds',
    minimum: 0,
    maximum: 30 * 86400,
    default: 86400,
    example: 3600,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(30 * 86400)
  overlapSeconds?: number;
}

export class CredentialDto {
  @ApiProperty({ format: 'uuid', example: KEY_ID })
  id!: string;

  @ApiProperty({ format: 'uuid', example: PARTNER_ID })
  partnerId!: string;

  @ApiProperty({ enum: ['api_key', 'oauth_client'], example: 'api_key' })
  kind!: string;

  @ApiProperty({ description: 'Names the credential without revealing it', example: 'cpk_k3j9x0a1b2c3_…' })
  hint!: string;

  @ApiProperty({ isArray: true, enum: PARTNER_SCOPES, example: ['customers:read'] })
  scopes!: string[];

  @ApiProperty({ enum: ['active', 'expiring', 'expired', 'revoked'], example: 'active' })
  status!: string;

  @ApiProperty({ format: 'date-time', example: '2026-11-23T10:00:00.000Z' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time', nullable: true, example: null })
  expiresAt!: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, example: null })
  revokedAt!: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, description: 'The key this one replaced', example: null })
  rotatedFrom!: string | null;
}

export class IssuedKeyDto extends CredentialDto {
  @ApiPropertyOptional({
    description: 'The key, shown in this answer only; absent when the answer is an Idempotency-Key replay',
    example: 'cpk_k3j9x0a1b2c3_3q2Vb8mYw1nE5dJt0sKxZ7pLhRcUaF9gTeW4oI6yN0A',
  })
  apiKey?: string;
}

export class RotatedKeyDto extends IssuedKeyDto {
  @ApiPropertyOptional({ type: CredentialDto, description: 'The old key, now expiring' })
  previous?: CredentialDto;
}

export class CredentialListDto {
  @ApiProperty({ type: [CredentialDto] })
  items!: CredentialDto[];
}

export class IssuedOAuthClientDto extends CredentialDto {
  @ApiProperty({ description: 'Send as `client_id` to `POST /oauth/token`', example: 'cci_4f9k2m0a7b1c3d5e' })
  clientId!: string;

  @ApiPropertyOptional({
    description: 'Shown in this answer only; absent when the answer is an Idempotency-Key replay',
    example: 'ccs_3q2Vb8mYw1nE5dJt0sKxZ7pLhRcUaF9gTeW4oI6yN0A',
  })
  clientSecret?: string;
}
