import { Controller } from '@nestjs/common';

/** The API of stakeholder. */
@Controller('api/v1')
export class StakeholdersController {}
