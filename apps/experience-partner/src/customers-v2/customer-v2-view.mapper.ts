import { customerV1ToV2, type PartnerOnboardingSummary } from '@concord/contracts';
import { type PartnerCustomerDto } from '../customers/customers.dto.js';
import { toCustomerSummary } from '../customers/partner-view.mapper.js';
import { type CustomerSummaryV2Dto, type PartnerCustomerV2Dto } from './customers-v2.dto.js';

/** A list entry in version 2: the stored name is the display name, the legal name defaults to it. */
export function toCustomerSummaryV2(flow: PartnerOnboardingSummary): CustomerSummaryV2Dto {
  const { name, ...summary } = toCustomerSummary(flow);
  const legalName = flow.customer['legalName'];
  return {
    ...summary,
    legalName: typeof legalName === 'string' && legalName !== '' ? legalName : name,
    displayName: name,
  };
}

/** The version 1 view of a customer with its profile in version 2. */
export function toPartnerCustomerV2(view: PartnerCustomerDto): PartnerCustomerV2Dto {
  return { ...view, profile: customerV1ToV2(view.profile) };
}
