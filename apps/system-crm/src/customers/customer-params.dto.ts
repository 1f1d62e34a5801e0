import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';

export class ConcordIdParamDto {
  @ApiProperty({ format: 'uuid', example: '5b0c7c1e-8a57-4f0b-9a54-0d9f3d1b2c11' })
  @IsUUID()
  concordId!: string;
}

export class AccountIdParamDto {
  @ApiProperty({
    description: 'Salesforce Account record ID (15 or 18 characters)',
    example: '001Dn00000A1b2cIAB',
  })
  @Matches(/^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/, {
    message: '$property must be a 15 or 18 character record ID',
  })
  externalId!: string;
}

export const DEFAULT_CHANGES_LIMIT = 500;

export class CustomerChangesQueryDto {
  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page; absent to start' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 2000, default: DEFAULT_CHANGES_LIMIT })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(2000)
  limit?: number;
}
