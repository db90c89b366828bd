import { Controller } from '@nestjs/common';

/** The evaluations service's message handlers for campaign. */
@Controller()
export class CampaignHandlers {}
