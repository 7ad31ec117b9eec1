import { isDatabaseConflictError } from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import { PermissionCriteria } from '@backstage/plugin-permission-common';
import { BisonTeamQuery } from '@bison/plugin-bison-node';
import { randomUUID } from 'node:crypto';
import { Knex } from 'knex';
import { dateFromDb } from '../database/dbValues';
import { applyTeamCriteria } from '../permissions/applyTeamCriteria';

export interface Team {
  id: string;
  name: string;
  groupRef: string;
  displayName: string;
  description?: string;
  createdAt: Date;
  createdBy: string;
}

export interface NewTeam {
  name: string;
  groupRef: string;
  displayName: string;
  description?: string;
}

export interface TeamRow {
  id: string;
  name: string;
  group_ref: string;
  display_name: string;
  description: string | null;
  created_at: Date | number | string;
  created_by: string;
}

export function toTeam(row: TeamRow): Team {
  return {
    id: row.id,
    name: row.name,
    groupRef: row.group_ref,
    displayName: row.display_name,
    description: row.description ?? undefined,
    createdAt: dateFromDb(row.created_at),
    createdBy: row.created_by,
  };
}

/** Live (not archived) teams and the creation of a team with its wallet. */
export class TeamStore {
  constructor(private readonly knex: Knex) {}

  /** Creates the team record and its empty wallet in one transaction. */
  async createTeam(input: NewTeam, actor: string, now: Date): Promise<Team> {
    const row: TeamRow = {
      id: randomUUID(),
      name: input.name,
      group_ref: input.groupRef,
      display_name: input.displayName,
      description: input.description ?? null,
      created_at: now,
      created_by: actor,
    };
    try {
      await this.knex.transaction(async trx => {
        await trx('teams').insert(row);
        await trx('wallets').insert({ team_id: row.id, updated_at: now });
      });
    } catch (error) {
      if (isDatabaseConflictError(error)) {
        throw new ConflictError(`A team named '${input.name}' already exists`);
      }
      throw error;
    }
    return toTeam(row);
  }

  async getTeam(name: string): Promise<Team | undefined> {
    const row = await this.live().where({ name }).first();
    return row ? toTeam(row) : undefined;
  }

  async getTeamById(id: string): Promise<Team | undefined> {
    const row = await this.live().where({ id }).first();
    return row ? toTeam(row) : undefined;
  }

  async getTeamsByName(names: string[]): Promise<Team[]> {
    const rows = await this.live().whereIn('name', names);
    return rows.map(toTeam);
  }

  /** Live teams, optionally narrowed by a conditional permission decision. */
  async listTeams(
    filter?: PermissionCriteria<BisonTeamQuery>,
  ): Promise<Team[]> {
    const query = this.live().orderBy('name');
    if (filter) applyTeamCriteria(query, filter);
    return (await query).map(toTeam);
  }

  private live() {
    return this.knex<TeamRow>('teams')
      .select<TeamRow[]>(
        'id',
        'name',
        'group_ref',
        'display_name',
        'description',
        'created_at',
        'created_by',
      )
      .whereNull('archived_at');
  }
}
