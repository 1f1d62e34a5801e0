import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, MaxLength } from 'class-validator';

/** Postal address of a customer, version 1. The country is the customer's own `country`. */
export class AddressV1 {
  @ApiProperty({ maxLength: 100, example: 'Hauptstr. 1' })
  @IsString()
  @Length(1, 100)
  line1!: string;

  @ApiPropertyOptional({ maxLength: 100, example: '3. OG' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  line2?: string;

  @ApiProperty({ maxLength: 60, example: 'Berlin' })
  @IsString()
  @Length(1, 60)
  city!: string;

  @ApiPropertyOptional({ maxLength: 60, description: 'State, province or county', example: 'BE' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  region?: string;

  @ApiProperty({ maxLength: 20, example: '10115' })
  @IsString()
  @Length(1, 20)
  postalCode!: string;
}
