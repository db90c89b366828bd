import {
  DomainError,
  type Page,
  type ParsedRequestOf,
  type ResponseOf,
  type Theme,
  type ThemeNode,
} from '@convergences/contracts';
import { Handles, type RequestContext } from '@convergences/messaging';
import { DATABASE } from '@convergences/service-runtime';
import { Controller, Inject } from '@nestjs/common';
import type { Kysely } from 'kysely';
import type { ProcessesDatabase } from '../db/schema';
import { assembleTree } from '../tree/assemble-tree';
import { createTheme } from './create-theme';
import { findById, list, toTheme, treeRows } from './theme.repository';
import { updateTheme } from './update-theme';

/** Themes are public: reads take no actor; writes are for platform admins (see the policy). */
@Controller()
export class ThemeHandlers {
  constructor(@Inject(DATABASE) private readonly db: Kysely<ProcessesDatabase>) {}

  @Handles('processes.theme.create')
  create(body: ParsedRequestOf<'processes.theme.create'>, { actor }: RequestContext): Promise<Theme> {
    return createTheme(this.db, actor, body);
  }

  @Handles('processes.theme.update')
  update(body: ParsedRequestOf<'processes.theme.update'>, { actor }: RequestContext): Promise<Theme> {
    return updateTheme(this.db, actor, body);
  }

  @Handles('processes.theme.get')
  async get(body: ParsedRequestOf<'processes.theme.get'>): Promise<Theme> {
    const row = await findById(this.db, body.id);
    if (!row) throw new DomainError('not_found', 'No such theme.');
    return toTheme(row);
  }

  @Handles('processes.theme.list')
  async list(query: ParsedRequestOf<'processes.theme.list'>): Promise<Page<Theme>> {
    const { rows, total } = await list(this.db, query);
    return { data: rows.map(toTheme), meta: { total, page: query.page, perPage: query.perPage } };
  }

  @Handles('processes.theme.tree')
  async tree(): Promise<ResponseOf<'processes.theme.tree'>> {
    const rows = await treeRows(this.db);
    return {
      data: assembleTree(rows, (row, children): ThemeNode => ({
        id: row.id,
        name: row.name,
        colour: row.colour,
        children,
      })),
    };
  }
}
