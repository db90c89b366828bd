import { assertPlatformAdmin, type FrameworkEditor, type ParsedRequestOf } from '@convergences/contracts';
import { Handles, ServiceClient, type RequestContext } from '@convergences/messaging';
import { DATABASE, SERVICE_CLIENT } from '@convergences/service-runtime';
import { Controller, Inject } from '@nestjs/common';
import type { Kysely } from 'kysely';
import type { EvaluationsDatabase } from '../db/schema';
import { namedPersonId } from '../campaign/known-person';
import { frameworkFor } from '../framework/framework-access';
import { assertMayEdit } from '../framework/framework.policy';
import { addEditor, editorsOf, removeEditor } from './framework-editor.repository';

/**
 * Framework editors, named per lineage (every version of the framework) by platform admins;
 * the lineage's editors see who they are.
 */
@Controller()
export class FrameworkEditorHandlers {
  constructor(
    @Inject(DATABASE) private readonly db: Kysely<EvaluationsDatabase>,
    @Inject(SERVICE_CLIENT) private readonly services: ServiceClient,
  ) {}

  @Handles('evaluations.frameworkEditor.list')
  async list(body: ParsedRequestOf<'evaluations.frameworkEditor.list'>, { actor }: RequestContext) {
    const { framework, access } = await frameworkFor(this.db, actor, body.frameworkId);
    assertMayEdit(access, 'see who edits a framework');
    return { data: await editorsOf(this.db, framework.lineage_id) };
  }

  /** The person, named by id or by nickname, must have an account (400 on the field otherwise). */
  @Handles('evaluations.frameworkEditor.add')
  async add(
    body: ParsedRequestOf<'evaluations.frameworkEditor.add'>,
    context: RequestContext,
  ): Promise<FrameworkEditor> {
    assertPlatformAdmin(context.actor, 'name framework editors');
    const actor = context.actor;
    const { framework } = await frameworkFor(this.db, actor, body.frameworkId);
    const personId = await namedPersonId(this.services, context, body);
    return addEditor(this.db, framework.lineage_id, personId, actor.personId);
  }

  @Handles('evaluations.frameworkEditor.remove')
  async remove(body: ParsedRequestOf<'evaluations.frameworkEditor.remove'>, { actor }: RequestContext) {
    assertPlatformAdmin(actor, 'remove framework editors');
    const { framework } = await frameworkFor(this.db, actor, body.frameworkId);
    return { removed: await removeEditor(this.db, framework.lineage_id, body.personId) };
  }
}
