// @ts-check

/**
 * Usage summed per UTC day, team, namespace and resource, so that reports
 * over weeks and months read one row per day instead of one per window; and
 * an index for paging a team's usage records in order.
 *
 * A scheduled task sums each day once it has ended and marks it summed in
 * usage_days; recording more usage for a day marks it unsummed again (in the
 * statement that records it), and reports read unsummed days from the usage
 * records, so the sums are never wrong, only sometimes unused.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('usage_days', table => {
    table.comment('Days of usage and whether usage_daily holds their sums');
    table.timestamp('day', { useTz: true }).primary().comment('00:00 UTC');
    table.boolean('summed').notNullable();
    table.timestamp('summed_at', { useTz: true }).nullable();
  });
  await knex.schema.createTable('usage_daily', table => {
    table.comment(
      'Sum of usage_records per UTC day (of window_start), team, namespace and resource',
    );
    table.timestamp('day', { useTz: true }).notNullable().comment('00:00 UTC');
    table
      .string('team_key', 36)
      .notNullable()
      .comment("The team's id; '' for unallocated usage");
    table.string('namespace', 253).notNullable();
    table.string('resource', 253).notNullable();
    table.text('quantity').notNullable().comment('Exact decimal');
    table.bigInteger('cost').notNullable();
    table.primary(['day', 'team_key', 'namespace', 'resource']);
  });
  // Usage exports page by (window_start, id): with id in the index, each
  // page is read in index order instead of sorting the team's records.
  await knex.schema.alterTable('usage_records', table => {
    table.index(
      ['team_id', 'window_start', 'id'],
      'usage_records_team_time_id_idx',
    );
    table.dropIndex(['team_id', 'window_start'], 'usage_records_team_time_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('usage_records', table => {
    table.index(['team_id', 'window_start'], 'usage_records_team_time_idx');
    table.dropIndex(
      ['team_id', 'window_start', 'id'],
      'usage_records_team_time_id_idx',
    );
  });
  await knex.schema.dropTable('usage_daily');
  await knex.schema.dropTable('usage_days');
};
