// @ts-check

/**
 * Alerts: the rules as edited in the app, the channels they are sent to
 * (secrets encrypted), each alert's state between evaluations, every
 * message once (`alert_messages`) and its delivery to each channel once
 * (`alert_deliveries`, the outbox), and how far the event sources were read.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('alert_rules', table => {
    table.comment(
      'The rules as saved in the app; config defaults apply until the first save',
    );
    table.string('id', 64).primary();
    table.string('kind', 32).notNullable();
    table.text('thresholds').notNullable().comment('JSON, amounts in micros');
    table.boolean('enabled').notNullable();
    table.text('teams').nullable().comment('JSON array of team names');
    table.integer('repeat_minutes').nullable();
    table.text('channels').notNullable().comment('JSON array of channel ids');
    table.integer('position').notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.string('updated_by', 255).notNullable();
  });

  await knex.schema.createTable('alert_channels', table => {
    table.comment('Where alerts are sent: global (team_id null) or a team');
    table.string('id', 36).primary();
    table
      .string('team_id', 36)
      .nullable()
      .references('id')
      .inTable('teams')
      .onDelete('CASCADE');
    table.string('type', 32).notNullable();
    table.string('name', 100).notNullable();
    table.text('settings').notNullable().comment('JSON, returned by the API');
    table
      .text('secrets')
      .nullable()
      .comment('AES-256-GCM envelope of the JSON secrets; never returned');
    table.boolean('enabled').notNullable().defaultTo(true);
    table.integer('version').notNullable().defaultTo(1);
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.string('created_by', 255).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.string('updated_by', 255).notNullable();
    table
      .timestamp('deleted_at', { useTz: true })
      .nullable()
      .comment('Kept for the delivery history');
    table.index(['team_id'], 'alert_channels_team_idx');
  });

  await knex.schema.createTable('alert_states', table => {
    table.comment('One condition alert (rule, subject) between evaluations');
    table.string('rule_id', 64).notNullable();
    table.string('subject', 300).notNullable();
    table
      .string('team_id', 36)
      .nullable()
      .references('id')
      .inTable('teams')
      .onDelete('CASCADE');
    table.integer('level').notNullable();
    table.integer('crossing').notNullable();
    table.integer('repeats').notNullable();
    table.timestamp('last_sent_at', { useTz: true }).nullable();
    table.timestamp('since', { useTz: true }).nullable();
    table.string('severity', 16).notNullable();
    table.text('details').notNullable().comment('JSON of the last observation');
    table
      .integer('version')
      .notNullable()
      .comment('Guards against two replicas stepping the same state');
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.primary(['rule_id', 'subject']);
    table.index(['team_id', 'level'], 'alert_states_team_idx');
  });

  await knex.schema.createTable('alert_messages', table => {
    table.comment('Every alert message, once: firing, repeat, resolved, event');
    table.bigIncrements('id').primary();
    table
      .string('message_key', 400)
      .notNullable()
      .unique({ indexName: 'alert_messages_key_uniq' })
      .comment('rule/subject/crossing/kind: the same on every replica');
    table.string('rule_id', 64).notNullable();
    table.string('kind', 32).notNullable();
    table
      .string('team_id', 36)
      .nullable()
      .references('id')
      .inTable('teams')
      .onDelete('CASCADE');
    table.string('subject', 300).notNullable();
    table.string('status', 16).notNullable();
    table.string('severity', 16).notNullable();
    table.text('notice').notNullable().comment('JSON AlertNotice as sent');
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.index(['team_id', 'id'], 'alert_messages_team_idx');
  });

  await knex.schema.createTable('alert_deliveries', table => {
    table.comment('The outbox: one message to one channel, exactly once');
    table.bigIncrements('id').primary();
    table
      .bigInteger('message_id')
      .notNullable()
      .references('id')
      .inTable('alert_messages')
      .onDelete('CASCADE');
    table
      .string('channel_id', 36)
      .notNullable()
      .comment("A channel's id, or 'backstage' for notifications");
    table
      .string('team_id', 36)
      .nullable()
      .references('id')
      .inTable('teams')
      .onDelete('CASCADE')
      .comment(
        "The message's team, here too so a team's history is one index range",
      );
    table
      .string('status', 16)
      .notNullable()
      .comment('pending | sending | delivered | failed');
    table.integer('attempts').notNullable().defaultTo(0);
    table.timestamp('next_attempt_at', { useTz: true }).notNullable();
    table
      .timestamp('retry_until', { useTz: true })
      .notNullable()
      .comment('After this a failed attempt fails the delivery');
    table.string('lease_owner', 64).nullable();
    table.timestamp('lease_until', { useTz: true }).nullable();
    table.integer('response_code').nullable();
    table.text('last_error').nullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('delivered_at', { useTz: true }).nullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.unique(['message_id', 'channel_id'], {
      indexName: 'alert_deliveries_uniq',
    });
    table.index(['status', 'next_attempt_at'], 'alert_deliveries_due_idx');
    table.index(['channel_id', 'id'], 'alert_deliveries_channel_idx');
    table.index(['team_id', 'id'], 'alert_deliveries_team_idx');
  });

  await knex.schema.createTable('alert_cursors', table => {
    table.comment('How far each event source was turned into messages');
    table.string('source', 64).primary();
    table.bigInteger('position').notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
  });

  await knex.schema.alterTable('auto_recharge', table => {
    table
      .text('last_error')
      .nullable()
      .comment('Why the last run failed for this team; null after a success');
    table.timestamp('last_failed_at', { useTz: true }).nullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  for (const column of ['last_error', 'last_failed_at']) {
    await knex.raw('ALTER TABLE ?? DROP COLUMN ??', ['auto_recharge', column]);
  }
  await knex.schema.dropTable('alert_cursors');
  await knex.schema.dropTable('alert_deliveries');
  await knex.schema.dropTable('alert_messages');
  await knex.schema.dropTable('alert_states');
  await knex.schema.dropTable('alert_channels');
  await knex.schema.dropTable('alert_rules');
};
