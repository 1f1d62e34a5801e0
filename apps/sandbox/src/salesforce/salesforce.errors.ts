export interface SalesforceErrorBody {
  message: string;
  errorCode: string;
  fields?: string[];
}

export class SalesforceError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
    readonly fields: string[] = [],
  ) {
    super(message);
  }

  toBody(): SalesforceErrorBody[] {
    return [{ message: this.message, errorCode: this.errorCode, fields: this.fields }];
  }

  /** Collections report record errors with `statusCode`, not `errorCode`. */
  toRecordError(): { statusCode: string; message: string; fields: string[] } {
    return { statusCode: this.errorCode, message: this.message, fields: this.fields };
  }
}

export const notFound = (): SalesforceError =>
  new SalesforceError(404, 'NOT_FOUND', 'The requested resource does not exist');

export const entityDeleted = (): SalesforceError =>
  new SalesforceError(404, 'ENTITY_IS_DELETED', 'entity is deleted');

export const badExternalIdField = (name: string): SalesforceError =>
  new SalesforceError(
    404,
    'NOT_FOUND',
    `Provided external ID field does not exist or is not accessible: ${name}`,
  );

export const invalidSession = (): SalesforceError =>
  new SalesforceError(401, 'INVALID_SESSION_ID', 'Session expired or invalid');

export const requestLimitExceeded = (): SalesforceError =>
  new SalesforceError(403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.');

export const noSuchColumn = (field: string, type: string): SalesforceError =>
  new SalesforceError(400, 'INVALID_FIELD', `No such column '${field}' on sobject of type ${type}`, [field]);

export function faultBody(status: number): SalesforceErrorBody[] {
  if (status === 401) return invalidSession().toBody();
  if (status === 403) return requestLimitExceeded().toBody();
  if (status === 404) return notFound().toBody();
  if (status === 503) return [{ message: 'Server is unavailable', errorCode: 'SERVER_UNAVAILABLE' }];
  if (status >= 500) {
    return [
      {
        message: 'An unexpected error occurred. Please include this ErrorId if you contact support.',
        errorCode: 'UNKNOWN_EXCEPTION',
      },
    ];
  }
  return [{ message: `Request failed with status ${status}`, errorCode: 'INVALID_REQUEST' }];
}
