import {
  DomainError,
  type Page,
  type ParsedRequestOf,
  type ResponseOf,
  type Territory,
  type TerritoryNode,
} from '@convergences/contracts';
import { Handles, type RequestContext } from '@convergences/messaging';
import { DATABASE } from '@convergences/service-runtime';
import { Controller, Inject } from '@nestjs/common';
import type { Kysely } from 'kysely';
import type { ProcessesDatabase } from '../db/schema';
import { assembleTree } from '../tree/assemble-tree';
import { createTerritory } from './create-territory';
import { findById, list, subtreeIds, toTerritory, treeRows, type TerritoryRow } from './territory.repository';
import { updateTerritory } from './update-territory';

/** Territories are public: reads take no actor; writes are for platform admins (see the policy). */
@Controller()
export class TerritoryHandlers {
  constructor(@Inject(DATABASE) private readonly db: Kysely<ProcessesDatabase>) {}

  @Handles('processes.territory.create')
  create(body: ParsedRequestOf<'processes.territory.create'>, { actor }: RequestContext): Promise<Territory> {
    return createTerritory(this.db, actor, body);
  }

  @Handles('processes.territory.update')
  update(body: ParsedRequestOf<'processes.territory.update'>, { actor }: RequestContext): Promise<Territory> {
    return updateTerritory(this.db, actor, body);
  }

  @Handles('processes.territory.get')
  async get(body: ParsedRequestOf<'processes.territory.get'>): Promise<Territory> {
    return toTerritory(await this.existing(body.id));
  }

  @Handles('processes.territory.list')
  async list(query: ParsedRequestOf<'processes.territory.list'>): Promise<Page<Territory>> {
    const { rows, total } = await list(this.db, query);
    return { data: rows.map(toTerritory), meta: { total, page: query.page, perPage: query.perPage } };
  }

  /** The whole tree, or one territory's subtree (itself as the only root), down to `maxType`. */
  @Handles('processes.territory.tree')
  async tree(query: ParsedRequestOf<'processes.territory.tree'>): Promise<ResponseOf<'processes.territory.tree'>> {
    if (query.rootId) await this.existing(query.rootId);
    const rows = await treeRows(this.db, query);
    return {
      data: assembleTree(rows, (row, children): TerritoryNode => ({
        id: row.id,
        name: row.name,
        type: row.type,
        code: row.code,
        children,
      })),
    };
  }

  @Handles('processes.territory.lineage')
  async lineage(
    body: ParsedRequestOf<'processes.territory.lineage'>,
  ): Promise<ResponseOf<'processes.territory.lineage'>> {
    const row = await this.existing(body.id);
    return { id: row.id, ancestorIds: row.ancestor_ids };
  }

  @Handles('processes.territory.subtree')
  async subtree(
    body: ParsedRequestOf<'processes.territory.subtree'>,
  ): Promise<ResponseOf<'processes.territory.subtree'>> {
    const ids = await subtreeIds(this.db, body.id);
    if (ids.length === 0) throw new DomainError('not_found', 'No such territory.');
    return { id: body.id, ids };
  }

  private async existing(id: string): Promise<TerritoryRow> {
    const row = await findById(this.db, id);
    if (!row) throw new DomainError('not_found', 'No such territory.');
    return row;
  }
}
