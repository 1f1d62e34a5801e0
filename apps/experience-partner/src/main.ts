import { runApp } from '@concord/platform';
import { EXPERIENCE_PARTNER_APP } from './experience-partner.module.js';

await runApp(EXPERIENCE_PARTNER_APP);
