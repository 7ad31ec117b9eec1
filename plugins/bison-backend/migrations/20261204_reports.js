// @ts-check

/**
 * Reports: the activity log (every Bison mutation, never a secret), and the
 * reconciliation of billed windows with what the usage source answers now.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('activity', table => {
    table.comment(
      'Who changed what in Bison; kept for bison.activity.retentionDays',
    );
    table.bigIncrements('id').primary();
    table.timestamp('occurred_at', { useTz: true }).notNullable();
    table.string('actor', 255).notNullable();
    table.string('action', 64).notNullable().comment('e.g. wallet-recharge');
    table
      .string('team_id', 36)
      .nullable()
      .comment('No foreign key: entries outlive a deleted team');
    table.string('team_name', 63).nullable();
    table.string('subject', 255).nullable().comment('What was changed');
    table.text('summary').notNullable();
    table.text('before').nullable().comment('JSON, secrets removed');
    table.text('after').nullable().comment('JSON, secrets removed');
    table.index(['occurred_at'], 'activity_time_idx');
    table.index(['team_id', 'id'], 'activity_team_idx');
    table.index(['actor', 'id'], 'activity_actor_idx');
  });

  await knex.schema.createTable('reconciliation_checks', table => {
    table.comment('Each comparison of billed windows with the usage source');
    table.bigIncrements('id').primary();
    table.string('trigger', 16).notNullable().comment('schedule | manual');
    table.string('actor', 255).nullable();
    table.timestamp('started_at', { useTz: true }).notNullable();
    table.timestamp('finished_at', { useTz: true }).nullable();
    table
      .string('status', 16)
      .notNullable()
      .comment('running | succeeded | failed');
    table.integer('windows_checked').notNullable().defaultTo(0);
    table.integer('differences').notNullable().defaultTo(0);
    table.text('error').nullable();
  });

  await knex.schema.createTable('reconciliation_differences', table => {
    table.comment(
      'Where the source now differs from what a window billed a team; never changes the ledger',
    );
    table.bigIncrements('id').primary();
    table.timestamp('window_start', { useTz: true }).notNullable();
    table.timestamp('window_end', { useTz: true }).notNullable();
    table
      .string('team_key', 36)
      .notNullable()
      .comment("The team's id, or '' for unallocated namespaces");
    table.bigInteger('billed').notNullable().comment('Micro-units as billed');
    table
      .bigInteger('source')
      .notNullable()
      .comment('Micro-units the source answers now, same prices');
    table.text('lines').notNullable().comment('JSON: the differing lines');
    table
      .string('status', 16)
      .notNullable()
      .comment('open | settled | cleared');
    table.timestamp('first_seen_at', { useTz: true }).notNullable();
    table.timestamp('checked_at', { useTz: true }).notNullable();
    table.bigInteger('check_id').notNullable();
    table
      .bigInteger('ledger_entry_id')
      .nullable()
      .comment('The adjustment that settled it');
    table.string('settled_by', 255).nullable();
    table.timestamp('settled_at', { useTz: true }).nullable();
    table.unique(['window_start', 'team_key'], {
      indexName: 'reconciliation_differences_uniq',
    });
    table.index(['status', 'window_start'], 'reconciliation_status_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('reconciliation_differences');
  await knex.schema.dropTable('reconciliation_checks');
  await knex.schema.dropTable('activity');
};
