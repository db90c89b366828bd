import { Controller } from '@nestjs/common';

/** The evaluations service's message handlers for results. */
@Controller()
export class ResultsHandlers {}
