/** Wire shapes of the Business Central API v2.0; they never leave this folder. */

export interface BcCompany {
  id: string;
  name: string;
  displayName?: string;
}

export interface BcCustomer {
  '@odata.etag'?: string;
  id: string;
  number: string;
  displayName: string;
  type?: string;
  addressLine1: string;
  addressLine2: string;
  city: string;
  state: string;
  country: string;
  postalCode: string;
  phoneNumber: string;
  email: string;
  website: string;
  taxRegistrationNumber: string;
  currencyCode: string;
  paymentTermsId: string;
  blocked: string;
  lastModifiedDateTime: string;
}

/** The writable customer fields Concord sets. */
export type BcCustomerWrite = Pick<
  BcCustomer,
  | 'number'
  | 'displayName'
  | 'addressLine1'
  | 'addressLine2'
  | 'city'
  | 'state'
  | 'country'
  | 'postalCode'
  | 'phoneNumber'
  | 'email'
  | 'website'
  | 'taxRegistrationNumber'
  | 'currencyCode'
  | 'paymentTermsId'
  | 'blocked'
>;

export type BcItemType = 'Inventory' | 'Service' | 'Non-Inventory';

export interface BcItem {
  '@odata.etag'?: string;
  id: string;
  number: string;
  displayName: string;
  type: BcItemType;
  itemCategoryCode: string;
  blocked: boolean;
  unitPrice: number;
  baseUnitOfMeasureCode: string;
  lastModifiedDateTime: string;
}

/** The writable item fields Concord sets (the unit of measure only when the product names one). */
export type BcItemWrite = Pick<BcItem, 'number' | 'displayName' | 'type' | 'blocked' | 'unitPrice'> &
  Partial<Pick<BcItem, 'baseUnitOfMeasureCode'>>;

export interface BcPaymentTerms {
  id: string;
  code: string;
  dueDateCalculation: string;
}

export interface BcDimension {
  id: string;
  code: string;
}

export interface BcDimensionValue {
  id: string;
  code: string;
  dimensionId: string;
}

export interface BcDefaultDimension {
  '@odata.etag'?: string;
  id: string;
  parentId: string;
  dimensionId: string;
  dimensionCode: string;
  dimensionValueId: string;
  dimensionValueCode: string;
}

export interface ODataCollection<T> {
  value: T[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

/** A `$deletedEntity` entry of a delta answer. */
export interface BcDeletedEntity {
  '@odata.context': string;
  id: string;
}

export interface BcErrorBody {
  error: { code: string; message: string };
}

export interface BcBatchRequest {
  id: string;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface BcBatchResponse {
  id: string;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** What the adapter knows about one legal entity. */
export interface CompanyContext {
  id: string;
  name: string;
  localCurrency: string;
}

/** A line of a sales order or sales invoice. */
export interface BcSalesLine {
  id: string;
  documentId: string;
  sequence: number;
  lineType: string;
  lineObjectNumber: string;
  description: string;
  quantity: number;
  unitPrice: number;
  amountExcludingTax: number;
}

/** The fields sales orders and sales invoices share. */
interface BcSalesDocument {
  '@odata.etag'?: string;
  id: string;
  number: string;
  externalDocumentNumber: string;
  customerId: string;
  customerNumber: string;
  currencyCode: string;
  totalAmountExcludingTax: number;
  totalAmountIncludingTax: number;
  status: string;
  lastModifiedDateTime: string;
}

export interface BcSalesOrder extends BcSalesDocument {
  orderDate: string;
  salesOrderLines?: BcSalesLine[];
}

export interface BcSalesInvoice extends BcSalesDocument {
  invoiceDate: string;
  dueDate: string | null;
  orderNumber: string;
  salesInvoiceLines?: BcSalesLine[];
}

export interface BcSalesOrderWrite {
  externalDocumentNumber: string;
  customerId: string;
  currencyCode?: string;
  orderDate?: string;
}

export interface BcSalesLineWrite {
  lineType: 'Item';
  lineObjectNumber: string;
  quantity: number;
  unitPrice?: number;
  description?: string;
}
