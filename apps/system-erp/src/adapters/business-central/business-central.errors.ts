import { isAxiosError } from 'axios';
import { AdapterError, type AdapterErrorKind, type ErrorDetail } from '@concord/contracts';
import { CircuitOpenError, SchedulerThrottledError } from '@concord/http';
import { type BcErrorBody } from './business-central.types.js';

export const BC_SYSTEM = 'business-central';

/** Without a Retry-After, Business Central throttling is waited out this long. */
export const DEFAULT_THROTTLE_MS = 30_000;

/** Business Central field name → canonical path. */
const FIELD_PATHS: Record<string, string> = {
  displayName: 'name',
  taxRegistrationNumber: 'taxId',
  addressLine1: 'address.line1',
  addressLine2: 'address.line2',
  city: 'address.city',
  state: 'address.region',
  postalCode: 'address.postalCode',
  country: 'country',
  currencyCode: 'currency',
  phoneNumber: 'phone',
  email: 'email',
  website: 'website',
  paymentTermsId: 'paymentTermsDays',
};

/** Field captions Business Central uses in its validation messages → canonical path. */
const CAPTION_PATHS: Array<[RegExp, string]> = [
  [/\bName\b(?! 2)/, 'name'],
  [/Country\/Region Code|\bcountry\b/i, 'country'],
  [/Currency Code|\bcurrency\b/i, 'currency'],
  [/Post Code|postalCode/i, 'address.postalCode'],
  [/VAT Registration No\.|taxRegistrationNumber/i, 'taxId'],
  [/E-Mail|email address/i, 'email'],
  [/payment terms/i, 'paymentTermsDays'],
  [/Phone No\./i, 'phone'],
];

/** How one entity's field names and captions map to canonical paths. */
export interface FieldPathMap {
  fields: Record<string, string>;
  captions: Array<[RegExp, string]>;
}

export const CUSTOMER_PATHS: FieldPathMap = { fields: FIELD_PATHS, captions: CAPTION_PATHS };

/** Item fields and captions → canonical product paths. */
export const ITEM_PATHS: FieldPathMap = {
  fields: {
    number: 'sku',
    displayName: 'name',
    type: 'type',
    blocked: 'active',
    unitPrice: 'unitPrice.amountMinor',
    baseUnitOfMeasureCode: 'unitOfMeasure',
  },
  captions: [
    [/\bDescription\b/, 'name'],
    [/Unit Price/i, 'unitPrice.amountMinor'],
    [/Base Unit of Measure|Unit of Measure/i, 'unitOfMeasure'],
    [/Inventory Posting Group/i, 'type'],
    [/\bNo\.(?!=)/, 'sku'],
  ],
};

/** Sales header fields, or with `line` the fields of that line, → canonical sales order paths. */
export function SALES_PATHS(line?: number): FieldPathMap {
  if (line === undefined) {
    return {
      fields: {
        externalDocumentNumber: 'reference',
        customerId: 'customerExternalId',
        currencyCode: 'currency',
        orderDate: 'orderDate',
      },
      captions: [
        [/Customer/i, 'customerExternalId'],
        [/Currency/i, 'currency'],
        [/External Document No\./i, 'reference'],
      ],
    };
  }
  const at = `lines[${line}]`;
  return {
    fields: {
      lineObjectNumber: `${at}.sku`,
      quantity: `${at}.quantity`,
      unitPrice: `${at}.unitPrice.amountMinor`,
      description: `${at}.description`,
    },
    captions: [
      [/\bItem\b|\bNo\./, `${at}.sku`],
      [/Quantity/i, `${at}.quantity`],
      [/Unit Price/i, `${at}.unitPrice.amountMinor`],
    ],
  };
}

/** What the classifier knows about the call: its name, for writes the body sent, and whose fields. */
export interface BcCallContext {
  operation: string;
  sent?: Record<string, unknown>;
  /** Field names → canonical paths; customers when absent. */
  paths?: FieldPathMap;
}

export interface BcAnswer {
  status: number;
  body: unknown;
  retryAfterMs?: number | undefined;
}

function errorOf(body: unknown): BcErrorBody['error'] | undefined {
  const error = (body as Partial<BcErrorBody> | null | undefined)?.error;
  return error && typeof error.code === 'string' ? error : undefined;
}

/** Canonical paths a validation message names: a field name, a caption, or the offending value. */
export function fieldPaths(
  message: string,
  sent: Record<string, unknown> | undefined,
  map: FieldPathMap = CUSTOMER_PATHS,
): string[] {
  const paths = new Set<string>();
  for (const [field, path] of Object.entries(map.fields)) {
    if (new RegExp(`\\b${field}\\b`).test(message)) paths.add(path);
  }
  if (paths.size === 0) {
    for (const [pattern, path] of map.captions) if (pattern.test(message)) paths.add(path);
  }
  // StringExceededLength names the value, not the field: find which field was sent with it.
  const value = /Value: (.*)$/s.exec(message)?.[1];
  if (paths.size === 0 && value !== undefined && sent) {
    for (const [field, sentValue] of Object.entries(sent)) {
      const path = map.fields[field];
      if (path && sentValue === value) paths.add(path);
    }
  }
  return [...paths];
}

function kindOf(status: number, code: string): AdapterErrorKind {
  if (status === 429 || code === 'Application_TooManyRequests') return 'Throttled';
  if (code === 'Request_EntityChanged' || code === 'Internal_EntityWithSameKeyExists') return 'Conflict';
  if (status === 404 || code === 'Internal_RecordNotFound' || code === 'BadRequest_NotFound')
    return 'NotFound';
  if (status === 401 || status === 403 || code.startsWith('Authentication_')) return 'AuthFailed';
  if (status === 408 || status >= 500) return 'Temporary';
  if (code.startsWith('Application_') || code.startsWith('BadRequest') || status === 400 || status === 422)
    return 'Rejected';
  return 'Unknown';
}

/** Folds one Business Central answer (top level or inside a `$batch`) into an `AdapterError`. */
export function classifyBcAnswer(answer: BcAnswer, context: BcCallContext): AdapterError {
  const vendorError = errorOf(answer.body);
  const code = vendorError?.code ?? '';
  const message = vendorError?.message ?? `answered ${answer.status}`;
  const kind = kindOf(answer.status, code);
  const details: ErrorDetail[] =
    kind === 'Rejected'
      ? fieldPaths(message, context.sent, context.paths).map((path) => ({ path, message, code }))
      : [];
  return new AdapterError({
    kind,
    system: BC_SYSTEM,
    operation: context.operation,
    message,
    details,
    ...(kind === 'Throttled' ? { retryAfterMs: answer.retryAfterMs ?? DEFAULT_THROTTLE_MS } : {}),
    vendor: { status: answer.status, code, body: answer.body },
  });
}

function retryAfterOf(headers: unknown): number | undefined {
  const raw = (headers as Record<string, unknown> | undefined)?.['retry-after'];
  if (typeof raw !== 'string' && typeof raw !== 'number') return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(String(raw));
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/** Folds anything a Business Central call threw into an `AdapterError`; bugs are rethrown untouched. */
export function classifyBcError(error: unknown, context: BcCallContext): AdapterError {
  if (error instanceof AdapterError) return error;
  if (error instanceof SchedulerThrottledError) {
    return new AdapterError({
      kind: 'Throttled',
      system: BC_SYSTEM,
      operation: context.operation,
      message: error.message,
      retryAfterMs: error.retryAfterMs,
      cause: error,
    });
  }
  if (error instanceof CircuitOpenError) {
    return new AdapterError({
      kind: 'Temporary',
      system: BC_SYSTEM,
      operation: context.operation,
      message: 'calls paused after repeated failures',
      retryAfterMs: 10_000,
      cause: error,
    });
  }
  if (isAxiosError(error)) {
    if (error.response) {
      return classifyBcAnswer(
        {
          status: error.response.status,
          body: error.response.data,
          retryAfterMs: retryAfterOf(error.response.headers),
        },
        context,
      );
    }
    return new AdapterError({
      kind: 'Temporary',
      system: BC_SYSTEM,
      operation: context.operation,
      message:
        error.code === 'ETIMEDOUT' ? 'no answer in time' : `connection failed (${error.code ?? 'network'})`,
      cause: error,
    });
  }
  throw error;
}

/** True when a write may have happened although its answer was lost (timeout, reset, 5xx). */
export function outcomeUnknown(error: AdapterError): boolean {
  return error.kind === 'Temporary';
}
