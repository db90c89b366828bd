import { assertIsThePerson, type ParsedRequestOf, type ServiceExport } from '@convergences/contracts';
import { Handles, type RequestContext } from '@convergences/messaging';
import { Controller } from '@nestjs/common';

/** Evaluations holds nothing about people yet: its export is empty, and well-formed. */
@Controller()
export class PrivacyHandlers {
  @Handles('evaluations.privacy.export')
  export(body: ParsedRequestOf<'evaluations.privacy.export'>, { actor }: RequestContext): ServiceExport {
    assertIsThePerson(actor, body.personId);
    return { service: 'evaluations', data: {} };
  }
}
