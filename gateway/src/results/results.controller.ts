import { Controller } from '@nestjs/common';

/** The API of results. */
@Controller('api/v1')
export class ResultsController {}
