import { badRequest } from './business-central.errors.js';

export interface PathSegment {
  name: string;
  key?: string;
}

const SEGMENT = /^([A-Za-z_$][\w.$]*)(?:\((.*)\))?$/;

/** `companies(<id>)/salesOrders(<id>)/salesOrderLines` → segments with their keys. */
export function parseODataPath(path: string): PathSegment[] {
  const parts = path.split('/').filter((part) => part !== '');
  return parts.map((raw) => {
    const part = decodeURIComponent(raw);
    const match = SEGMENT.exec(part);
    if (!match?.[1])
      throw badRequest(`The request URI is not valid. The segment '${part}' is not a valid OData segment.`);
    if (match[2] === undefined) return { name: match[1] };
    // Keys may be written `(guid)`, `(id=guid)` or quoted.
    const key = match[2].replace(/^id=/i, '').replace(/^'(.*)'$/, '$1');
    if (key === '') throw badRequest(`The key in the segment '${part}' is empty.`);
    return { name: match[1], key };
  });
}
