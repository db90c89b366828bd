import type { ParsedRequestOf, StakeholderQuestionnaire, StakeholderReceipt } from '@convergences/contracts';
import { Handles } from '@convergences/messaging';
import { DATABASE } from '@convergences/service-runtime';
import { Controller, Inject } from '@nestjs/common';
import type { Kysely } from 'kysely';
import type { EvaluationsDatabase } from '../db/schema';
import { readQuestionnaire } from './read-questionnaire';
import { respond } from './respond';
import { stakeholderKeySecret } from './source-key';

/**
 * Stakeholders' voices (regards des parties prenantes). Neither handler reads who is asking:
 * the questionnaire is public and a response is anonymous whoever sends it.
 */
@Controller()
export class StakeholderHandlers {
  private readonly secret = stakeholderKeySecret();

  constructor(@Inject(DATABASE) private readonly db: Kysely<EvaluationsDatabase>) {}

  @Handles('evaluations.stakeholder.questionnaire')
  questionnaire(body: ParsedRequestOf<'evaluations.stakeholder.questionnaire'>): Promise<StakeholderQuestionnaire> {
    return readQuestionnaire(this.db, body);
  }

  @Handles('evaluations.stakeholder.respond')
  respond(body: ParsedRequestOf<'evaluations.stakeholder.respond'>): Promise<StakeholderReceipt> {
    return respond(this.db, this.secret, body);
  }
}
