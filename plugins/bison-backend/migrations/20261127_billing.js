// @ts-check

/**
 * Billing: versioned price books, the usage records of every billed window
 * (the line items behind each usage debit), the state of each window and the
 * runs that billed them. Money columns are bigint micro-units.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('price_books', table => {
    table.comment('A version of the price table, in effect from a moment on');
    table.increments('id').primary();
    table
      .timestamp('effective_from', { useTz: true })
      .notNullable()
      .unique()
      .comment('Windows starting at or after this use this version');
    table.text('note').nullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.string('created_by', 255).notNullable();
  });

  await knex.schema.createTable('prices', table => {
    table.comment('One price per resource key and hour in a price book');
    table
      .integer('price_book_id')
      .notNullable()
      .references('id')
      .inTable('price_books')
      .onDelete('RESTRICT');
    table
      .string('resource', 253)
      .notNullable()
      .comment('cpu, memory, nvidia.com/gpu, nvidia.com/gpu:A100, ...');
    table
      .bigInteger('unit_price')
      .notNullable()
      .comment('Micro-units per unit-hour');
    table.primary(['price_book_id', 'resource']);
  });

  await knex.schema.createTable('billing_windows', table => {
    table.comment('Each billing window: billed once, or why not yet');
    table.timestamp('window_start', { useTz: true }).primary();
    table.timestamp('window_end', { useTz: true }).notNullable();
    table.string('status', 16).notNullable().comment('billed | failed');
    table.integer('attempts').notNullable().defaultTo(0);
    table.text('last_error').nullable();
    table.integer('price_book_id').nullable();
    table.string('source', 64).nullable();
    table.integer('teams').notNullable().defaultTo(0);
    table.integer('lines').notNullable().defaultTo(0);
    table.bigInteger('charged').notNullable().defaultTo(0);
    table.bigInteger('unallocated').notNullable().defaultTo(0);
    table.timestamp('updated_at', { useTz: true }).notNullable();
  });

  await knex.schema.createTable('usage_records', table => {
    table.comment(
      'Priced usage of one resource by one namespace in one window; written with the debit',
    );
    table.bigIncrements('id').primary();
    table.timestamp('window_start', { useTz: true }).notNullable();
    table.timestamp('window_end', { useTz: true }).notNullable();
    table.string('namespace', 253).notNullable();
    table
      .string('team_id', 36)
      .nullable()
      .references('id')
      .inTable('teams')
      .onDelete('RESTRICT')
      .comment('Null: unallocated, not charged');
    table.string('resource', 253).notNullable();
    table.string('quantity', 64).notNullable().comment('Exact decimal');
    table.bigInteger('unit_price').notNullable();
    table.bigInteger('cost').notNullable();
    table.integer('price_book_id').notNullable();
    table.unique(['namespace', 'window_start', 'resource'], {
      indexName: 'usage_records_line_uniq',
    });
    table.index(['team_id', 'window_start'], 'usage_records_team_time_idx');
    table.index(['window_start'], 'usage_records_time_idx');
  });

  await knex.schema.createTable('billing_runs', table => {
    table.comment('Each run of the billing engine');
    table.bigIncrements('id').primary();
    table.string('trigger', 16).notNullable().comment('schedule | manual');
    table.string('actor', 255).nullable();
    table.timestamp('started_at', { useTz: true }).notNullable();
    table.timestamp('finished_at', { useTz: true }).nullable();
    table
      .string('status', 16)
      .notNullable()
      .comment('running | succeeded | failed | aborted');
    table.integer('windows_billed').notNullable().defaultTo(0);
    table.integer('windows_pending').notNullable().defaultTo(0);
    table.text('error').nullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('billing_runs');
  await knex.schema.dropTable('usage_records');
  await knex.schema.dropTable('billing_windows');
  await knex.schema.dropTable('prices');
  await knex.schema.dropTable('price_books');
};
