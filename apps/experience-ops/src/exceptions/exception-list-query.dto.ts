import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { type ExceptionCategory, type ExceptionStatus } from '@concord/persistence';
import { DEFAULT_PAGE, PageQueryDto } from '../common/page-query.dto.js';
import { IsTimeBound } from './time-bound.util.js';

export const EXCEPTION_STATUSES: ExceptionStatus[] = ['open', 'retrying', 'resolved', 'discarded'];
export const EXCEPTION_CATEGORIES: ExceptionCategory[] = [
  'validation',
  'duplicate-review',
  'ownership',
  'conflict',
  'rejected-by-target',
  'technical',
];
export const DEFAULT_EXCEPTION_PAGE = DEFAULT_PAGE;

/** `?status=open&status=retrying` and `?status=open,retrying` mean the same. */
function toList({ value }: { value: unknown }): unknown {
  const parts = Array.isArray(value) ? (value as unknown[]) : [value];
  return parts.flatMap((part) =>
    typeof part === 'string'
      ? part
          .split(',')
          .map((item) => item.trim())
          .filter(Boolean)
      : [part],
  );
}

const TOKEN = /^[A-Za-z0-9._:-]+$/;

export class ExceptionListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: EXCEPTION_STATUSES,
    isArray: true,
    description: 'Repeat the parameter or give a comma list',
    example: ['open', 'retrying'],
  })
  @IsOptional()
  @Transform(toList)
  @IsArray()
  @ArrayMaxSize(EXCEPTION_STATUSES.length * 2)
  @IsIn(EXCEPTION_STATUSES, { each: true })
  status?: ExceptionStatus[];

  @ApiPropertyOptional({
    enum: EXCEPTION_CATEGORIES,
    isArray: true,
    description: 'Repeat the parameter or give a comma list',
    example: ['validation'],
  })
  @IsOptional()
  @Transform(toList)
  @IsArray()
  @ArrayMaxSize(EXCEPTION_CATEGORIES.length * 2)
  @IsIn(EXCEPTION_CATEGORIES, { each: true })
  category?: ExceptionCategory[];

  @ApiPropertyOptional({ description: 'Canonical domain', example: 'customer' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @Matches(TOKEN)
  domain?: string;

  @ApiPropertyOptional({ description: 'System the failed call went to', example: 'erp' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @Matches(TOKEN)
  system?: string;

  @ApiPropertyOptional({
    description: 'Created before this instant, or more than this ISO duration ago',
    examples: { duration: { value: 'PT1H' }, instant: { value: '2026-11-23T10:00:00Z' } },
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @IsTimeBound()
  olderThan?: string;

  @ApiPropertyOptional({
    description: 'Created after this instant, or less than this ISO duration ago',
    examples: { duration: { value: 'P1D' }, instant: { value: '2026-11-22T00:00:00Z' } },
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @IsTimeBound()
  newerThan?: string;

  @ApiPropertyOptional({ example: '3f1c9a52-7d7e-4f0e-9a43-2b8d0c7d9a11' })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  @Matches(TOKEN)
  correlationId?: string;
}
