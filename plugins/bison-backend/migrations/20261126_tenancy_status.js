// @ts-check

/**
 * What the tenancy reconcile task last found about each team's Capsule
 * Tenant: ok, missing (deleted outside Bison) or drifted (Bison's fields
 * changed outside Bison), with the problems found.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('teams', table => {
    table
      .string('tenancy_status', 16)
      .notNullable()
      .defaultTo('unknown')
      .comment('ok | missing | drifted | unknown');
    table
      .text('tenancy_problems')
      .nullable()
      .comment('JSON array of what differs');
    table.timestamp('tenancy_checked_at', { useTz: true }).nullable();
  });
};

/**
 * Plain DROP COLUMN: knex would rebuild the table on SQLite, which its
 * foreign keys from wallets and the ledger forbid.
 *
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  for (const column of [
    'tenancy_status',
    'tenancy_problems',
    'tenancy_checked_at',
  ]) {
    await knex.raw('ALTER TABLE ?? DROP COLUMN ??', ['teams', column]);
  }
};
