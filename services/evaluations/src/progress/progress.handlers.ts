import { Controller } from '@nestjs/common';

/** The evaluations service's message handlers for progress. */
@Controller()
export class ProgressHandlers {}
