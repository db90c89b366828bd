import { Controller } from '@nestjs/common';

/** The API of progress. */
@Controller('api/v1')
export class ProgressPlansController {}
