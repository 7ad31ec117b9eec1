// @ts-check

/**
 * Enforcement: each wallet's state history (`wallet_events`, one row per
 * transition, written once), teams' own enforcement settings, and
 * suspensions with every change made in the cluster and what was there
 * before, so that resume restores it exactly.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('wallets', table => {
    table
      .bigInteger('state_seq')
      .notNullable()
      .defaultTo(0)
      .comment('Number of state transitions; the key of the next event');
    table.timestamp('state_changed_at', { useTz: true }).nullable();
    table
      .bigInteger('burn_rate_per_day')
      .notNullable()
      .defaultTo(0)
      .comment(
        'Micro-units of usage per day, refreshed by the enforcement task',
      );
    table
      .string('burn_rate_basis', 8)
      .notNullable()
      .defaultTo('none')
      .comment('last24h | last7d | none');
  });
  // The burn rate sums a week of usage debits of every team: covering, so
  // that both databases read only that week (measured in enforcement.bench.ts;
  // SQLite uses no partial index for a bound kind, and else scans the ledger
  // in team order for the GROUP BY).
  await knex.schema.alterTable('ledger_entries', table => {
    table.index(
      ['kind', 'window_end', 'team_id', 'amount', 'window_start'],
      'ledger_entries_kind_window_idx',
    );
  });
  // The effective credit limit now comes from the enforcement settings.
  await knex.raw('ALTER TABLE ?? DROP COLUMN ??', ['wallets', 'credit_limit']);

  await knex.schema.createTable('team_enforcement', table => {
    table.comment('Enforcement settings of one team; null takes the default');
    table
      .string('team_id', 36)
      .primary()
      .references('id')
      .inTable('teams')
      .onDelete('CASCADE');
    table.string('mode', 8).nullable().comment('enforce | warn');
    table.bigInteger('low_balance').nullable();
    table.double('low_runway_days').nullable();
    table.bigInteger('credit_limit').nullable();
    table.double('grace_hours').nullable();
    table.bigInteger('resume_balance').nullable();
    table.text('steps').nullable().comment('JSON array of suspension steps');
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.string('updated_by', 255).notNullable();
  });

  await knex.schema.createTable('wallet_events', table => {
    table.comment('Every wallet state transition, exactly once');
    table.bigIncrements('id').primary();
    table
      .string('team_id', 36)
      .notNullable()
      .references('id')
      .inTable('teams')
      .onDelete('RESTRICT');
    table
      .bigInteger('seq')
      .notNullable()
      .comment("The wallet's state_seq after the transition");
    table.string('from_state', 16).notNullable();
    table.string('to_state', 16).notNullable();
    table.string('reason', 32).notNullable();
    table.bigInteger('balance').notNullable();
    table.timestamp('overdue_since', { useTz: true }).nullable();
    table.timestamp('grace_ends_at', { useTz: true }).nullable();
    table
      .string('actor', 255)
      .notNullable()
      .comment('The user or service whose action caused it');
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.unique(['team_id', 'seq'], { indexName: 'wallet_events_seq_uniq' });
    table.index(['created_at', 'id'], 'wallet_events_time_idx');
  });

  await knex.schema.createTable('suspensions', table => {
    table.comment('A suspension of a team, from the decision to the resume');
    table.bigIncrements('id').primary();
    table
      .string('team_id', 36)
      .notNullable()
      .references('id')
      .inTable('teams')
      .onDelete('RESTRICT');
    table.string('trigger', 16).notNullable().comment('grace-expired | manual');
    table.text('reason').notNullable();
    table.boolean('held').notNullable().defaultTo(false);
    table.string('actor', 255).notNullable();
    table.timestamp('started_at', { useTz: true }).notNullable();
    table
      .string('status', 16)
      .notNullable()
      .comment('suspending | suspended | resuming | resumed');
    table
      .string('cluster', 16)
      .notNullable()
      .comment('enforce | warn | ledger-only: whether the ladder runs');
    table.text('steps').notNullable().comment('JSON array of the steps to run');
    table.timestamp('resumed_at', { useTz: true }).nullable();
    table.string('resumed_by', 255).nullable();
    table.text('resume_reason').nullable();
    table.text('last_error').nullable();
    table
      .string('lease_owner', 64)
      .nullable()
      .comment('The process running the ladder now');
    table.timestamp('lease_until', { useTz: true }).nullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.index(['team_id', 'started_at'], 'suspensions_team_idx');
  });
  // One open suspension per team. Raw SQL: knex drops the predicate on SQLite.
  await knex.raw(
    "CREATE UNIQUE INDEX suspensions_open_uniq ON suspensions (team_id) WHERE status <> 'resumed'",
  );

  await knex.schema.createTable('suspension_actions', table => {
    table.comment(
      'One change of the suspension ladder, recorded with the previous value before it is applied',
    );
    table.bigIncrements('id').primary();
    table
      .bigInteger('suspension_id')
      .notNullable()
      .references('id')
      .inTable('suspensions')
      .onDelete('CASCADE');
    table.string('step', 24).notNullable();
    table.integer('step_order').notNullable();
    table
      .string('kind', 16)
      .notNullable()
      .comment('Tenant, Namespace, Deployment, ...');
    table.string('namespace', 63).notNullable().defaultTo('');
    table.string('name', 253).notNullable();
    table.text('before').notNullable().comment('JSON: the value before');
    table
      .string('status', 16)
      .notNullable()
      .comment('planned | applied | failed | undone | left | gone');
    table.text('error').nullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.unique(['suspension_id', 'step', 'kind', 'namespace', 'name'], {
      indexName: 'suspension_actions_target_uniq',
    });
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('suspension_actions');
  await knex.schema.dropTable('suspensions');
  await knex.schema.dropTable('wallet_events');
  await knex.schema.dropTable('team_enforcement');
  await knex.schema.alterTable('ledger_entries', table => {
    table.dropIndex([], 'ledger_entries_kind_window_idx');
  });
  await knex.schema.alterTable('wallets', table => {
    table.bigInteger('credit_limit').notNullable().defaultTo(0);
  });
  for (const column of [
    'state_seq',
    'state_changed_at',
    'burn_rate_per_day',
    'burn_rate_basis',
  ]) {
    await knex.raw('ALTER TABLE ?? DROP COLUMN ??', ['wallets', column]);
  }
};
