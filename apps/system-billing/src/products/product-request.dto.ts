import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

export class SkuParams {
  @ApiProperty({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9._-]+$', example: 'CNC-SUP-GOLD' })
  @Matches(/^[A-Za-z0-9._-]{1,40}$/, {
    message: '$property must be 1-40 characters of A-Z, a-z, 0-9, ., _ or -',
  })
  sku!: string;
}
