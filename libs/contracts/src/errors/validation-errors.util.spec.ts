import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Type, plainToInstance } from 'class-transformer';
import { IsInt, IsString, MaxLength, Min, ValidateNested, validate, ValidationError } from 'class-validator';
import {
  flattenValidationErrors,
  hasUnknownProperty,
  UNKNOWN_PROPERTY_CONSTRAINT,
} from './validation-errors.util.js';
import { ERROR_HTTP_STATUS, ErrorCode, isErrorCode } from './error-code.types.js';
import { errorEnvelope } from './error-envelope.dto.js';

class Line {
  @IsString()
  @MaxLength(5)
  sku!: string;

  @IsInt()
  @Min(1)
  quantity!: number;
}

class Order {
  @IsString()
  reference!: string;

  @ValidateNested({ each: true })
  @Type(() => Line)
  lines!: Line[];
}

function error(
  property: string,
  constraints?: Record<string, string>,
  children?: ValidationError[],
): ValidationError {
  return Object.assign(new ValidationError(), { property, constraints, children });
}

void describe('flattenValidationErrors', () => {
  void it('gives one detail per constraint with the dotted path of nested fields', () => {
    const errors = [
      error('name', { isString: 'name must be a string' }),
      error('address', undefined, [
        error('postalCode', {
          isLength: 'postalCode must be shorter than or equal to 20 characters',
          isString: 'postalCode must be a string',
        }),
      ]),
    ];
    assert.deepEqual(flattenValidationErrors(errors), [
      { path: 'name', message: 'name must be a string', constraint: 'isString' },
      {
        path: 'address.postalCode',
        message: 'postalCode must be shorter than or equal to 20 characters',
        constraint: 'isLength',
      },
      { path: 'address.postalCode', message: 'postalCode must be a string', constraint: 'isString' },
    ]);
  });

  void it('writes array elements with their index and unknown fields with their own path', async () => {
    const body = {
      reference: 'PO-1',
      lines: [
        { sku: 'A1', quantity: 1 },
        { sku: 'TOO-LONG', quantity: 0, colour: 'red' },
      ],
    };
    const errors = await validate(plainToInstance(Order, body), {
      whitelist: true,
      forbidNonWhitelisted: true,
    });
    const details = flattenValidationErrors(errors);
    assert.deepEqual(details.map((detail) => [detail.path, detail['constraint']]).sort(), [
      ['lines[1].colour', UNKNOWN_PROPERTY_CONSTRAINT],
      ['lines[1].quantity', 'min'],
      ['lines[1].sku', 'maxLength'],
    ]);
    assert.ok(hasUnknownProperty(errors));
    assert.equal(
      details.find((detail) => detail.path === 'lines[1].colour')?.message,
      'property colour should not exist',
    );
  });

  void it('returns nothing for no errors and spots the absence of unknown fields', async () => {
    assert.deepEqual(flattenValidationErrors([]), []);
    const errors = await validate(plainToInstance(Order, { reference: 7, lines: [] }));
    assert.equal(hasUnknownProperty(errors), false);
    assert.deepEqual(flattenValidationErrors(errors), [
      { path: 'reference', message: 'reference must be a string', constraint: 'isString' },
    ]);
  });
});

void describe('error envelope', () => {
  void it('builds the public envelope shape', () => {
    const details = [{ path: 'legalName', owner: 'erp' }];
    assert.deepEqual(
      errorEnvelope(ErrorCode.OWNERSHIP_VIOLATION, 'legalName is owned by erp', 'c-1', details),
      {
        error: {
          code: 'OWNERSHIP_VIOLATION',
          message: 'legalName is owned by erp',
          details,
          correlationId: 'c-1',
        },
      },
    );
    assert.deepEqual(errorEnvelope(ErrorCode.NOT_FOUND, 'customer not found', 'c-2').error.details, []);
  });

  void it('maps every error code to an HTTP status', () => {
    for (const code of Object.values(ErrorCode)) {
      assert.ok(isErrorCode(code));
      const status = ERROR_HTTP_STATUS[code];
      assert.ok(status >= 400 && status < 600, code);
    }
    assert.equal(ERROR_HTTP_STATUS[ErrorCode.IDEMPOTENCY_KEY_REUSED], 422);
    assert.equal(ERROR_HTTP_STATUS[ErrorCode.IDEMPOTENCY_IN_PROGRESS], 409);
    assert.equal(isErrorCode('TEAPOT'), false);
  });
});
