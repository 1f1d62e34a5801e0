export class BcError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }

  toBody(): { error: { code: string; message: string } } {
    return { error: { code: this.code, message: this.message } };
  }
}

export const notFoundSegment = (segment: string): BcError =>
  new BcError(404, 'BadRequest_NotFound', `Resource not found for the segment '${segment}'.`);

export const badRequest = (message: string): BcError => new BcError(400, 'BadRequest', message);

export const unknownProperty = (name: string, type: string): BcError =>
  new BcError(
    400,
    'BadRequest',
    `Could not find a property named '${name}' on type 'Microsoft.NAV.${type}'.`,
  );

export const fieldValidation = (message: string): BcError =>
  new BcError(400, 'Application_FieldValidationException', message);

export function faultBody(status: number): { error: { code: string; message: string } } {
  if (status === 429) {
    return {
      error: { code: 'Application_TooManyRequests', message: 'Too many requests reached. Try again later.' },
    };
  }
  if (status === 401)
    return {
      error: {
        code: 'Authentication_InvalidCredentials',
        message: 'The server has rejected the client credentials.',
      },
    };
  if (status === 404) return notFoundSegment('unknown').toBody();
  if (status === 409)
    return {
      error: { code: 'Request_EntityChanged', message: 'Another user has already changed the record.' },
    };
  if (status === 503)
    return { error: { code: 'Service_Unavailable', message: 'The service is temporarily unavailable.' } };
  if (status >= 500)
    return { error: { code: 'Internal_ServerError', message: 'An unexpected error occurred.' } };
  return { error: { code: 'BadRequest', message: `Request failed with status ${status}.` } };
}
