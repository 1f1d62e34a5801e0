import { runApp } from '@concord/platform';
import { SYSTEM_ERP_APP } from './system-erp.module.js';

await runApp(SYSTEM_ERP_APP);
