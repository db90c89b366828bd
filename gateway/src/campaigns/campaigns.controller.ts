import { Controller } from '@nestjs/common';

/** The API of campaign. */
@Controller('api/v1')
export class CampaignsController {}
