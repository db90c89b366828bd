import { Controller } from '@nestjs/common';

/** The evaluations service's message handlers for valuation. */
@Controller()
export class ValuationHandlers {}
