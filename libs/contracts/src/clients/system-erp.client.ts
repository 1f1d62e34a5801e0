import { SystemCustomersClient } from './system-customers.client.js';

/** The ERP system API as the process layer calls it. */
export class SystemErpClient extends SystemCustomersClient {}
