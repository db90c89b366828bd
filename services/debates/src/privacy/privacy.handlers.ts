import { assertIsThePerson, type ParsedRequestOf, type ServiceExport } from '@convergences/contracts';
import { Handles, type RequestContext } from '@convergences/messaging';
import { Controller } from '@nestjs/common';

/** Debates holds nothing about people yet: its export is empty, and well-formed. */
@Controller()
export class PrivacyHandlers {
  @Handles('debates.privacy.export')
  export(body: ParsedRequestOf<'debates.privacy.export'>, { actor }: RequestContext): ServiceExport {
    assertIsThePerson(actor, body.personId);
    return { service: 'debates', data: {} };
  }
}
