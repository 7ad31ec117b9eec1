// @ts-check

/**
 * Usage summed per UTC day, team, namespace and resource, kept with the
 * usage records (in the same statement or transaction) so that reports over
 * weeks and months read one row per day instead of one per window; and an
 * index for paging a team's usage records in order.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
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
  await sumUsageByDay(knex);
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

const DAY_MS = 86_400_000;

/**
 * Sums every usage record into usage_daily; exported for the benchmark,
 * which writes records without the writer.
 *
 * @param {import('knex').Knex} knex
 */
async function sumUsageByDay(knex) {
  if (knex.client.config.client === 'pg') {
    await knex.raw(
      `INSERT INTO usage_daily (day, team_key, namespace, resource, quantity, cost)
       SELECT date_trunc('day', window_start AT TIME ZONE 'UTC') AT TIME ZONE 'UTC',
              COALESCE(team_id, ''), namespace, resource,
              SUM(CAST(quantity AS numeric))::text, SUM(cost)
         FROM usage_records
        GROUP BY 1, 2, 3, 4`,
    );
    return;
  }
  // SQLite stores instants as epoch milliseconds and has no exact decimal
  // type: quantities are added here, a day at a time.
  const Big = require('big.js');
  const days = await knex('usage_records')
    .distinct(knex.raw(`window_start - (window_start % ${DAY_MS}) AS day`))
    .orderBy('day');
  for (const { day } of days) {
    const rows = await knex('usage_records')
      .where('window_start', '>=', day)
      .where('window_start', '<', day + DAY_MS)
      .select(
        knex.raw("COALESCE(team_id, '') AS team_key"),
        'namespace',
        'resource',
        knex.raw("GROUP_CONCAT(quantity, ' ') AS quantities"),
        knex.raw('SUM(cost) AS cost'),
      )
      .groupBy('team_key', 'namespace', 'resource')
      .options({ safeIntegers: true });
    for (let i = 0; i < rows.length; i += 500) {
      await knex('usage_daily').insert(
        rows.slice(i, i + 500).map(row => ({
          day,
          team_key: row.team_key,
          namespace: row.namespace,
          resource: row.resource,
          quantity: String(row.quantities)
            .split(' ')
            .reduce((sum, q) => sum.plus(q), new Big(0))
            .toFixed(),
          cost: String(row.cost),
        })),
      );
    }
  }
}

exports.sumUsageByDay = sumUsageByDay;

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
};
