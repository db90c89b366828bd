import { Controller } from '@nestjs/common';

/** The API of assessment. */
@Controller('api/v1')
export class AssessmentsController {}
