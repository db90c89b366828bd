import { Controller } from '@nestjs/common';

/** The evaluations service's message handlers for stakeholder. */
@Controller()
export class StakeholderHandlers {}
