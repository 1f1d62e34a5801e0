import { Injectable } from '@nestjs/common';
import { PartnerAdminService } from '@concord/governance';
import { decodeExceptionCursor, encodeExceptionCursor } from '../exceptions/exception-cursor.util.js';
import { DEFAULT_PAGE } from '../common/page-query.dto.js';
import { type PartnerListQueryDto, type PartnerPageDto } from './partners.dto.js';

/** Partners, newest first, one page at a time. */
@Injectable()
export class ListPartnersUseCase {
  constructor(private readonly admin: PartnerAdminService) {}

  async execute(query: PartnerListQueryDto): Promise<PartnerPageDto> {
    const limit = query.limit ?? DEFAULT_PAGE;
    const rows = await this.admin.listPartners(decodeExceptionCursor(query.cursor), limit + 1);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map((row) => row.view),
      ...(rows.length > limit && last
        ? { nextCursor: encodeExceptionCursor({ createdAt: last.position, id: last.view.id }) }
        : {}),
    };
  }
}
