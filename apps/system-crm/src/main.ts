import { runApp } from '@concord/platform';
import { SYSTEM_CRM_APP } from './system-crm.module.js';

await runApp(SYSTEM_CRM_APP);
