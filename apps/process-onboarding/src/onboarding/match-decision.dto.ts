import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length, ValidateIf } from 'class-validator';

export type MatchVerdict = 'link' | 'new';

export class MatchDecisionDto {
  @ApiProperty({
    enum: ['link', 'new'],
    description: '`link`: the customer is `customerId`, already known; `new`: a customer of its own',
    example: 'link',
  })
  @IsIn(['link', 'new'])
  decision!: MatchVerdict;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The canonical customer to link to; required with `link`',
    example: '5b0c7c1e-8a57-4f0b-9a54-0d9f3d1b2c11',
  })
  @ValidateIf((body: MatchDecisionDto) => body.decision === 'link' || body.customerId !== undefined)
  @IsUUID()
  customerId?: string;

  @ApiPropertyOptional({ description: 'Who decided (the steward), kept in the audit log', example: 'dana' })
  @IsOptional()
  @IsString()
  @Length(1, 120)
  decidedBy?: string;

  @ApiPropertyOptional({ description: 'Why, kept in the audit log', example: 'Same VAT number, new address' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  note?: string;
}

export class MatchDecisionResultDto {
  @ApiProperty({ format: 'uuid' })
  onboardingId!: string;

  @ApiProperty({ enum: ['link', 'new'] })
  decision!: MatchVerdict;

  @ApiProperty({ format: 'uuid', description: 'The canonical customer the flow continues with' })
  customerId!: string;

  @ApiProperty({ example: 'matching' })
  state!: string;

  @ApiProperty({ description: 'true when this decision had been recorded already', example: false })
  replayed!: boolean;
}
