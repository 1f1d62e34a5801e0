import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { ChangesQueryDto, DEFAULT_CHANGES_LIMIT } from '@concord/contracts';

export class ConcordIdParamDto {
  @ApiProperty({ format: 'uuid', example: '5b0c7c1e-8a57-4f0b-9a54-0d9f3d1b2c11' })
  @IsUUID()
  concordId!: string;
}

export { DEFAULT_CHANGES_LIMIT };

/** Cursors carry the changes seen inside the overlap window, so they take the shared bound. */
export class CustomerChangesQueryDto extends ChangesQueryDto {}
