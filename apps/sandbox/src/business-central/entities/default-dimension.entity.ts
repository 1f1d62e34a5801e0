import { BcError, fieldValidation } from '../business-central.errors.js';
import { choice, field, idField, modifiedField, readOnly, text, type EntityDef } from '../bc-entity.types.js';
import { EMPTY_GUID } from './customer.entity.js';

/**
 * A customer's default dimension (API v2.0 `defaultDimensions` under `customers({id})`): the dimension
 * value its documents and ledger entries get unless one is chosen. One per dimension and customer; the
 * codes follow from the IDs (either may be written, the IDs win when both are).
 */
export const defaultDimensionEntity: EntityDef = {
  set: 'defaultDimensions',
  type: 'defaultDimension',
  caption: 'Default Dimension',
  parent: { set: 'customers', key: 'parentId', touchesParent: false },
  fields: [
    idField(),
    choice('parentType', ['Customer', ' ', 'Item', 'Vendor', 'Employee'], readOnly),
    field('parentId', 'guid', { defaultValue: EMPTY_GUID }),
    field('dimensionId', 'guid', { defaultValue: EMPTY_GUID }),
    text('dimensionCode', 20),
    field('dimensionValueId', 'guid', { defaultValue: EMPTY_GUID }),
    text('dimensionValueCode', 20),
    choice('postingValidation', [' ', 'Code Mandatory', 'Same Code', 'No Code']),
    modifiedField(),
  ],
  prepare: (record, ctx, previous) => {
    const dimension =
      record.dimensionId !== EMPTY_GUID && record.dimensionId !== previous?.dimensionId
        ? ctx.find('dimensions', String(record.dimensionId))
        : ctx.all('dimensions').find((row) => row.code === record.dimensionCode);
    if (!dimension) {
      throw fieldValidation(
        `The field Dimension Code of table Default Dimension contains a value (${String(record.dimensionCode || record.dimensionId)}) that cannot be found in the related table (Dimension).`,
      );
    }
    if (previous && previous.dimensionId !== dimension.id) {
      throw new BcError(400, 'BadRequest', 'The dimension of a default dimension cannot be changed.');
    }
    const values = ctx.all('dimensionValues').filter((row) => row.dimensionId === dimension.id);
    const value =
      record.dimensionValueId !== EMPTY_GUID && record.dimensionValueId !== previous?.dimensionValueId
        ? values.find((row) => row.id === record.dimensionValueId)
        : values.find((row) => row.code === record.dimensionValueCode);
    if (!value && (record.dimensionValueCode !== '' || record.dimensionValueId !== EMPTY_GUID)) {
      throw fieldValidation(
        `${String(dimension.code)} ${String(record.dimensionValueCode || record.dimensionValueId)} is not an available dimension value.`,
      );
    }
    const clash = ctx
      .all('defaultDimensions')
      .find(
        (row) => row.id !== record.id && row.parentId === record.parentId && row.dimensionId === dimension.id,
      );
    if (clash) {
      throw new BcError(
        400,
        'Internal_EntityWithSameKeyExists',
        `The record already exists. Identification fields and values: Table ID='18',No.='${String(record.parentId)}',Dimension Code='${String(dimension.code)}'`,
      );
    }
    record.parentType = 'Customer';
    record.dimensionId = String(dimension.id);
    record.dimensionCode = String(dimension.code);
    record.dimensionValueId = value ? String(value.id) : EMPTY_GUID;
    record.dimensionValueCode = value ? String(value.code) : '';
  },
};
