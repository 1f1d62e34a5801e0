import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsOptional,
  IsString,
  Length,
  ValidateNested,
} from 'class-validator';
import { CustomerV1 } from '@concord/contracts';

export const MAX_MATCH_RECORDS = 200;

export class MatchInputDto {
  @ApiPropertyOptional({
    description: "The caller's reference for this record; `#<index>` unless given",
    example: 'lead-4711',
  })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  ref?: string;

  @ApiPropertyOptional({ description: 'The CRM account it came from, if any', example: '001Dn00000A1b2cIAB' })
  @IsOptional()
  @IsString()
  @Length(15, 18)
  crmAccountId?: string;

  @ApiProperty({ type: () => CustomerV1 })
  @ValidateNested()
  @Type(() => CustomerV1)
  customer!: CustomerV1;
}

export class MatchRequestDto {
  @ApiProperty({
    type: [MatchInputDto],
    minItems: 1,
    maxItems: MAX_MATCH_RECORDS,
    description: 'One record, or a batch whose members are matched against each other too',
    example: [
      {
        ref: 'a',
        customer: { name: 'Contoso G.m.b.H.', country: 'DE', taxId: 'DE136695976', currency: 'EUR' },
      },
    ],
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_MATCH_RECORDS)
  @ValidateNested({ each: true })
  @Type(() => MatchInputDto)
  records!: MatchInputDto[];
}

export class MatchSignalDto {
  @ApiProperty({ enum: ['name', 'address', 'phone', 'domain', 'taxId', 'city'], example: 'taxId' })
  signal!: string;

  @ApiProperty({ example: 1 })
  similarity!: number;

  @ApiProperty({ example: 1 })
  weight!: number;

  @ApiProperty({ example: 'both "DE136695976": same legal entity' })
  detail!: string;
}

export class MatchCandidateDto {
  @ApiProperty({
    description: 'Canonical customer ID, or the `ref` of an earlier record of the same batch',
    example: '5b0c7c1e-8a57-4f0b-9a54-0d9f3d1b2c11',
  })
  customerId!: string;

  @ApiProperty({ example: 'Contoso GmbH' })
  name!: string;

  @ApiProperty({ minimum: 0, maximum: 1, example: 0.99 })
  score!: number;

  @ApiProperty({ description: 'true when the candidate is an earlier record of this batch', example: false })
  sameBatch!: boolean;

  @ApiProperty({ type: [MatchSignalDto] })
  signals!: MatchSignalDto[];
}

export class MatchResultDto {
  @ApiProperty({ example: 'a' })
  ref!: string;

  @ApiProperty({
    enum: ['link', 'review', 'new'],
    description: '`link`: the same customer as `best`; `review`: a steward must decide; `new`: no match',
    example: 'link',
  })
  decision!: string;

  @ApiProperty({
    enum: ['score', 'xref'],
    description: '`xref`: the CRM account is linked to `best` already',
  })
  reason!: string;

  @ApiPropertyOptional({ type: () => MatchCandidateDto, nullable: true })
  best!: MatchCandidateDto | null;

  @ApiProperty({ type: [MatchCandidateDto], description: 'Best first' })
  candidates!: MatchCandidateDto[];
}

export class MatchResponseDto {
  @ApiProperty({ type: [MatchResultDto], description: 'One per record, in request order' })
  results!: MatchResultDto[];
}
