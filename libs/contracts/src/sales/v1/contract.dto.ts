import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export enum ContractStatus {
  Draft = 'draft',
  InApproval = 'in_approval',
  Activated = 'activated',
}

/** A customer contract as the CRM holds it, version 1. */
export class ContractRecordV1 {
  @ApiProperty({ description: "The contract's ID in the CRM", example: '800000000000001AAA' })
  externalId!: string;

  @ApiProperty({ example: '00000100' })
  contractNumber!: string;

  @ApiProperty({ example: '001000000000001AAA' })
  accountExternalId!: string;

  @ApiPropertyOptional({ format: 'uuid', description: "The account's canonical ID, once Concord linked it" })
  customerConcordId?: string;

  @ApiProperty({ enum: ContractStatus, enumName: 'ContractStatus', example: ContractStatus.Activated })
  status!: ContractStatus;

  @ApiPropertyOptional({ example: '2026-12-01' })
  startDate?: string;

  @ApiPropertyOptional({ example: '2027-11-30' })
  endDate?: string;

  @ApiPropertyOptional({ description: 'Term in months', example: 12 })
  termMonths?: number;

  @ApiPropertyOptional({ example: '2026-12-01T10:00:00.000Z' })
  activatedAt?: string;

  @ApiProperty({ example: 'EUR' })
  currency!: string;

  @ApiProperty({ description: 'Source version (SystemModstamp)', example: '2026-12-01T10:00:00.000Z' })
  sourceVersion!: string;
}

export class ContractChangeDto {
  @ApiProperty({ enum: ['upsert', 'delete'], example: 'upsert' })
  kind!: 'upsert' | 'delete';

  @ApiProperty({ example: '800000000000001AAA' })
  externalId!: string;

  @ApiProperty({ example: '2026-12-01T10:00:00.000Z' })
  sourceVersion!: string;

  @ApiPropertyOptional({ type: () => ContractRecordV1, description: 'Absent for deletions' })
  record?: ContractRecordV1;
}

/** One page of the activated-contract feed; pass `nextCursor` back to continue. */
export class ContractChangePageDto {
  @ApiProperty({ type: [ContractChangeDto] })
  changes!: ContractChangeDto[];

  @ApiProperty({ example: 'eyJ2IjoyLCJtIjoiMjAyNi0xMi0wMVQxMDowMDowMC4wMDBaIn0' })
  nextCursor!: string;

  @ApiProperty({ example: false })
  hasMore!: boolean;
}
