import { assertIsThePerson, type ParsedRequestOf, type ServiceExport } from '@convergences/contracts';
import { Handles, type RequestContext } from '@convergences/messaging';
import { DATABASE } from '@convergences/service-runtime';
import { Controller, Inject } from '@nestjs/common';
import type { Kysely } from 'kysely';
import { voteValueOf } from '../comment/comment.repository';
import type { DebatesDatabase } from '../db/schema';
import { debatesWithCounts, toDebate } from '../debate/debate.repository';

/**
 * What debates holds about a person: the name they sign with, their debates, their comments
 * (deleted ones without their text, hidden ones with theirs) and their votes. A person who never
 * wrote nor voted here has nothing here: the answer is `{}`.
 */
@Controller()
export class PrivacyHandlers {
  constructor(@Inject(DATABASE) private readonly db: Kysely<DebatesDatabase>) {}

  @Handles('debates.privacy.export')
  async export(body: ParsedRequestOf<'debates.privacy.export'>, { actor }: RequestContext): Promise<ServiceExport> {
    assertIsThePerson(actor, body.personId);
    const [author, debates, comments, votes] = await Promise.all([
      this.db.selectFrom('authors').select('display_name').where('person_id', '=', body.personId).executeTakeFirst(),
      debatesWithCounts(this.db).where('debates.author_id', '=', body.personId).orderBy('debates.created_at').execute(),
      this.db
        .selectFrom('comments')
        .select([
          'id',
          'resource_type',
          'resource_id',
          'parent_id',
          'body',
          'locale',
          'alignment',
          'created_at',
          'edited_at',
          'deleted_at',
          'hidden_at',
        ])
        .where('author_id', '=', body.personId)
        .orderBy('created_at')
        .execute(),
      this.db
        .selectFrom('comment_votes')
        .select(['comment_id', 'value', 'created_at'])
        .where('person_id', '=', body.personId)
        .orderBy('created_at')
        .execute(),
    ]);
    if (debates.length === 0 && comments.length === 0 && votes.length === 0) return { service: 'debates', data: {} };
    return {
      service: 'debates',
      data: {
        authorName: author?.display_name ?? null,
        debates: debates.map(toDebate),
        comments: comments.map((c) => ({
          id: c.id,
          resourceType: c.resource_type,
          resourceId: c.resource_id,
          parentId: c.parent_id,
          body: c.deleted_at ? null : c.body,
          locale: c.locale,
          alignment: c.alignment,
          createdAt: c.created_at.toISOString(),
          editedAt: c.edited_at?.toISOString() ?? null,
          deletedAt: c.deleted_at?.toISOString() ?? null,
          hiddenAt: c.hidden_at?.toISOString() ?? null,
        })),
        commentVotes: votes.map((v) => ({
          commentId: v.comment_id,
          value: voteValueOf(v.value),
          createdAt: v.created_at.toISOString(),
        })),
      },
    };
  }
}
