import { Controller } from '@nestjs/common';

/** The API of valuation. */
@Controller('api/v1')
export class FrameworkValuationsController {}
