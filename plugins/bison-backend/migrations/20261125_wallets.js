// @ts-check

/**
 * Teams, their wallets, the append-only ledger behind every balance, and the
 * auto-recharge policies. Money columns are bigint micro-units (1e-6 of the
 * installation's currency).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('teams', table => {
    table.comment('A Bison team: a Capsule tenant bound to a catalog Group');
    table
      .string('id', 36)
      .primary()
      .comment('UUID; a re-created name gets a new id');
    table
      .string('name', 63)
      .notNullable()
      .comment('Tenant name (DNS-1123 label)');
    table
      .string('group_ref', 255)
      .notNullable()
      .comment('Catalog Group entity ref');
    table.string('display_name', 255).notNullable();
    table.text('description').nullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.string('created_by', 255).notNullable();
    table.timestamp('archived_at', { useTz: true }).nullable();
    table.index(['group_ref'], 'teams_group_ref_idx');
  });
  // Names are unique among live teams only: an archived team keeps its name.
  // Raw SQL because knex drops the predicate of a unique index on SQLite.
  await knex.raw(
    'CREATE UNIQUE INDEX teams_live_name_uniq ON teams (name) WHERE archived_at IS NULL',
  );

  await knex.schema.createTable('wallets', table => {
    table.comment(
      'The prepaid balance of a team; changed only with a ledger entry',
    );
    table
      .string('team_id', 36)
      .primary()
      .references('id')
      .inTable('teams')
      .onDelete('RESTRICT');
    table.bigInteger('balance').notNullable().defaultTo(0);
    table.string('state', 16).notNullable().defaultTo('active');
    table.timestamp('overdue_since', { useTz: true }).nullable();
    table.bigInteger('credit_limit').notNullable().defaultTo(0);
    table.bigInteger('version').notNullable().defaultTo(0);
    table.timestamp('last_recharge_at', { useTz: true }).nullable();
    table.bigInteger('last_recharge_amount').nullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.timestamp('archived_at', { useTz: true }).nullable();
  });

  await knex.schema.createTable('ledger_entries', table => {
    table.comment(
      'Append-only: every balance change, never updated or deleted',
    );
    table.bigIncrements('id').primary();
    table
      .string('team_id', 36)
      .notNullable()
      .references('team_id')
      .inTable('wallets')
      .onDelete('RESTRICT');
    table.bigInteger('amount').notNullable().comment('Signed micro-units');
    table.string('kind', 32).notNullable();
    table.string('idempotency_key', 255).notNullable().unique();
    table
      .string('request_hash', 64)
      .nullable()
      .comment(
        'Hash of the request that created the entry, to detect key reuse',
      );
    table
      .string('actor', 255)
      .notNullable()
      .comment('User or service entity ref');
    table.text('reason').nullable();
    table.timestamp('window_start', { useTz: true }).nullable();
    table.timestamp('window_end', { useTz: true }).nullable();
    table.bigInteger('balance_after').notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    // Serves a wallet's history newest first, with or without a time range.
    table.index(
      ['team_id', 'created_at', 'id'],
      'ledger_entries_team_time_idx',
    );
  });

  await knex.schema.createTable('auto_recharge', table => {
    table.comment('Scheduled and threshold top-ups of a wallet');
    table
      .string('team_id', 36)
      .primary()
      .references('team_id')
      .inTable('wallets')
      .onDelete('CASCADE');
    table.boolean('enabled').notNullable().defaultTo(true);
    table.string('schedule', 16).nullable().comment('weekly | monthly | null');
    table.integer('weekday').nullable().comment('1 (Monday) to 7, for weekly');
    table.integer('day_of_month').nullable().comment('1 to 28, for monthly');
    table.bigInteger('scheduled_amount').nullable();
    table.bigInteger('threshold_below').nullable();
    table.bigInteger('threshold_top_up_to').nullable();
    table.bigInteger('monthly_cap').nullable();
    table.timestamp('effective_from', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.string('updated_by', 255).notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('auto_recharge');
  await knex.schema.dropTable('ledger_entries');
  await knex.schema.dropTable('wallets');
  await knex.schema.dropTable('teams');
};
