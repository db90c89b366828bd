import { Controller } from '@nestjs/common';

/** The evaluations service's message handlers for assessment. */
@Controller()
export class AssessmentHandlers {}
