import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsObject, IsOptional, IsUUID } from 'class-validator';

export const WRITER_SYSTEMS = ['crm', 'erp', 'billing'] as const;
export type WriterSystem = (typeof WRITER_SYSTEMS)[number];

export class CustomerUpdateParamsDto {
  @IsUUID()
  concordId!: string;
}

export class CustomerUpdateDto {
  @ApiProperty({ enum: WRITER_SYSTEMS, description: 'The system this change comes from', example: 'crm' })
  @IsIn(WRITER_SYSTEMS)
  source!: WriterSystem;

  @ApiPropertyOptional({
    description: "The record's version in the source system; an older one than the last applied is refused",
    example: '2026-11-23T10:00:00.000Z',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  sourceVersion?: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'Top-level CustomerV1 fields to change. Every field must be owned by `source` (identity: crm; legal ' +
      'name, tax ID, payment terms, currency: erp; billing address: crm until the first posted invoice, then erp)',
    example: { name: 'Contoso Deutschland GmbH', website: 'contoso.example.com' },
  })
  @IsObject()
  changes!: Record<string, unknown>;
}

export class CustomerUpdatedDto {
  @ApiProperty({ format: 'uuid' })
  concordId!: string;

  @ApiProperty({ description: 'Canonical version after the change', example: 4 })
  version!: number;

  @ApiProperty({ type: [String], example: ['name'] })
  changedFields!: string[];
}
