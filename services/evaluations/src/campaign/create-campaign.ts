import { DomainError, type Campaign, type ParsedRequestOf } from '@convergences/contracts';
import { idempotentCreation } from '@convergences/database';
import type { CallContext, ServiceClient } from '@convergences/messaging';
import { rememberAuthor } from '@convergences/read-models';
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { EvaluationsDatabase } from '../db/schema';
import { accessTo } from '../framework/framework-access';
import { assertMayEdit, assertNoFieldErrors, mayRead } from '../framework/framework.policy';
import { findFramework } from '../framework/framework.repository';
import { campaignNow, lastClosedOf } from './campaign.repository';

export interface CampaignDeps {
  db: Kysely<EvaluationsDatabase>;
  services: ServiceClient;
}

/**
 * Platform admins and the framework lineage's editors start a campaign on an adopted version (a
 * draft still changes: results on it would not compare). It follows the lineage's campaign closed
 * last, if any, and its creator is its first coordinator. A retry with the same key answers the first.
 */
export async function createCampaign(
  deps: CampaignDeps,
  context: CallContext,
  request: ParsedRequestOf<'evaluations.campaign.create'>,
): Promise<Campaign> {
  const actor = context.actor;
  if (!actor) throw new DomainError('unauthenticated', 'Sign in to start a campaign.');
  return idempotentCreation(
    deps.db,
    { personId: actor.personId, operation: 'evaluations.campaign.create', key: context.idempotencyKey },
    async () => {
      const framework = await findFramework(deps.db, request.frameworkId);
      const access = framework ? await accessTo(deps.db, actor, framework.lineage_id) : undefined;
      if (!framework || !access || !mayRead(access, framework.status)) {
        assertNoFieldErrors([{ path: 'frameworkId', message: 'No such framework.' }], 'campaign');
      }
      assertMayEdit(access!, 'start a campaign on it');
      if (framework!.status !== 'adopted') {
        assertNoFieldErrors(
          [
            {
              path: 'frameworkId',
              message: `Version ${framework!.version} of this framework is a draft: a campaign uses an adopted version.`,
            },
          ],
          'campaign',
        );
      }
      return framework!;
    },
    async (trx, framework) => {
      const id = uuidv7();
      await trx
        .insertInto('campaigns')
        .values({
          id,
          framework_id: framework.id,
          lineage_id: framework.lineage_id,
          title: JSON.stringify(request.title),
          description: request.description ? JSON.stringify(request.description) : null,
          starts_on: request.startsOn,
          ends_on: request.endsOn,
          previous_campaign_id: await lastClosedOf(trx, framework.lineage_id),
          created_by: actor.personId,
        })
        .execute();
      await trx
        .insertInto('campaign_people')
        .values({ campaign_id: id, person_id: actor.personId, role: 'coordinator', added_by: actor.personId })
        .execute();
      await rememberAuthor(trx, actor.personId, actor.displayName);
      return campaignNow(trx, id, actor.personId);
    },
  );
}
