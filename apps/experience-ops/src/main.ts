import { runApp } from '@concord/platform';
import { EXPERIENCE_OPS_APP } from './experience-ops.module.js';

await runApp(EXPERIENCE_OPS_APP);
