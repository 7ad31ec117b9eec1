// @ts-check

/**
 * Which team each namespace belonged to and when Bison saw it so, so that
 * usage of a namespace deleted (or moved) before its windows are billed is
 * still charged to the team that owned it then.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('namespace_owners', table => {
    table.comment('Observed namespace → team ownership, for billing');
    table.string('namespace', 63).notNullable();
    table.string('team_id', 36).notNullable().references('id').inTable('teams');
    table.timestamp('first_seen_at', { useTz: true }).notNullable();
    table.timestamp('last_seen_at', { useTz: true }).notNullable();
    table.primary(['namespace', 'team_id']);
    table.index(['last_seen_at'], 'namespace_owners_last_seen_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('namespace_owners');
};
