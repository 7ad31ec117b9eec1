import { InputError, NotFoundError } from '@backstage/errors';
import {
  parseIsoInstant,
  parseMoney,
  teamReadPermission,
  walletAdjustPermission,
  walletRechargePermission,
} from '@bison/plugin-bison-common';
import { stringify } from 'csv-stringify';
import { createHash, randomUUID } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { Request, Response } from 'express';
import { spreadsheetSafe } from '../csv/spreadsheetSafe';
import { Team } from '../tenancy/TeamStore';
import {
  decodeTransactionCursor,
  encodeTransactionCursor,
} from '../wallet/transactionCursor';
import { TransactionFilter } from '../wallet/WalletStore';
import { LedgerEntryKind, PostingResult } from '../wallet/types';
import { actorOf } from './actor';
import { audited } from './audited';
import { parseField, rejectUnknownFields, requireText } from './fieldErrors';
import {
  moneyFormatter,
  transactionResponse,
  walletResponse,
} from './responses';
import { ApiRouter, RouteContext } from './types';

const CSV_COLUMNS = [
  'id',
  'createdAt',
  'kind',
  'amount',
  'balanceAfter',
  'actor',
  'reason',
  'windowStart',
  'windowEnd',
];

export function registerWalletRoutes(router: ApiRouter, ctx: RouteContext) {
  const { httpAuth, authorizer, wallets, walletStore, settings } = ctx;
  const minorUnits = settings.currency.minorUnits;

  router.get('/teams/:team/wallet', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const found = await walletStore.getTeamWallet(req.params.team);
    if (!found) throw new NotFoundError(`team '${req.params.team}' not found`);
    await authorizer.assertAllowed(credentials, teamReadPermission, found.team);
    const { creditLimit } = await ctx.enforcement.settingsOf(found.team.id);
    res.json(walletResponse(found.team, found.wallet, settings, creditLimit));
  });

  router.get('/teams/:team/wallet/transactions', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const team = await authorizer.authorizeTeam(
      credentials,
      teamReadPermission,
      req.params.team,
    );
    const query = req.query as Record<string, string | undefined>;
    const filter = parseTransactionFilter(query);

    if (query.format === 'csv') {
      res.status(200);
      res.type('text/csv');
      res.attachment(`${team.name}-transactions.csv`);
      const rows = Readable.from(
        (async function* toRows() {
          for await (const entry of walletStore.streamTransactions(
            team.id,
            filter,
          )) {
            const t = transactionResponse(entry, settings);
            yield [
              t.id,
              t.createdAt.toISOString(),
              t.kind,
              t.amount,
              t.balanceAfter,
              spreadsheetSafe(t.actor),
              spreadsheetSafe(t.reason),
              t.windowStart?.toISOString() ?? '',
              t.windowEnd?.toISOString() ?? '',
            ];
          }
        })(),
      );
      await pipeline(
        rows,
        stringify({ header: true, columns: CSV_COLUMNS }),
        res,
      );
      return;
    }

    const page = await walletStore.listTransactions(team.id, filter, {
      limit: Number(query.limit ?? 50),
      after: query.cursor ? decodeTransactionCursor(query.cursor) : undefined,
    });
    res.json({
      items: page.entries.map(e => transactionResponse(e, settings)),
      ...(page.next ? { nextCursor: encodeTransactionCursor(page.next) } : {}),
    });
  });

  router.post('/teams/:team/wallet/recharges', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const team = await authorizer.authorizeTeam(
      credentials,
      walletRechargePermission,
      req.params.team,
    );
    rejectUnknownFields(req.body, ['amount', 'reason']);
    const key = requireText('Idempotency-Key', req.header('idempotency-key'));
    const amount = parseField('amount', () =>
      parseMoney(req.body.amount, { maxDecimals: minorUnits }),
    );
    if (amount === 0n)
      throw new InputError("'amount' must be greater than zero");
    const reason = req.body.reason?.trim() || undefined;

    await postAudited(ctx, req, 'wallet-recharge', team, res, () =>
      wallets.recharge(team, {
        amount,
        reason,
        idempotencyKey: `recharge:${team.id}:${key}`,
        requestHash: requestHash('recharge', amount, reason),
        actor: actorOf(credentials),
      }),
    );
  });

  router.post('/teams/:team/wallet/adjustments', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const team = await authorizer.authorizeTeam(
      credentials,
      walletAdjustPermission,
      req.params.team,
    );
    rejectUnknownFields(req.body, ['amount', 'reason']);
    const key = req.header('idempotency-key')?.trim() || randomUUID();
    const amount = parseField('amount', () =>
      parseMoney(req.body.amount, {
        maxDecimals: minorUnits,
        allowNegative: true,
      }),
    );
    if (amount === 0n) throw new InputError("'amount' must not be zero");
    const reason = requireText('reason', req.body.reason);

    await postAudited(ctx, req, 'wallet-adjust', team, res, () =>
      wallets.adjust(team, {
        amount,
        reason,
        idempotencyKey: `adjustment:${team.id}:${key}`,
        requestHash: requestHash('adjustment', amount, reason),
        actor: actorOf(credentials),
      }),
    );
  });
}

/**
 * Runs a wallet posting as an audited change and answers with its result;
 * a replayed posting is not logged again.
 */
async function postAudited(
  ctx: RouteContext,
  req: Request,
  action: 'wallet-recharge' | 'wallet-adjust',
  team: Team,
  res: Response,
  post: () => Promise<PostingResult>,
) {
  const money = moneyFormatter(ctx.settings);
  const result = await audited(
    ctx,
    req,
    {
      action,
      team,
      meta: { amount: req.body.amount },
      summary: ({ entry }) =>
        `${action === 'wallet-recharge' ? 'Recharged' : 'Adjusted by'} ${money(
          entry.amount,
        )} ${ctx.settings.currency.code}${
          entry.reason ? `: ${entry.reason}` : ''
        }`,
      before: ({ entry }) => ({
        balance: money(entry.balanceAfter - entry.amount),
      }),
      after: ({ entry }) => ({
        balance: money(entry.balanceAfter),
        transaction: entry.id.toString(),
      }),
      changed: posted => posted.created,
    },
    post,
  );
  const wallet = await ctx.wallets.getWallet(team);
  if (!result.created) res.setHeader('Idempotent-Replayed', 'true');
  res.status(201).json({
    transaction: transactionResponse(result.entry, ctx.settings),
    wallet: walletResponse(
      team,
      wallet,
      ctx.settings,
      (await ctx.enforcement.settingsOf(team.id)).creditLimit,
    ),
  });
}

function requestHash(kind: string, amount: bigint, reason?: string): string {
  return createHash('sha256')
    .update(JSON.stringify([kind, amount.toString(), reason ?? '']))
    .digest('hex');
}

function parseTransactionFilter(
  query: Record<string, string | undefined>,
): TransactionFilter {
  const from = query.from
    ? parseField('from', () => parseIsoInstant(query.from!))
    : undefined;
  const to = query.to
    ? parseField('to', () => parseIsoInstant(query.to!))
    : undefined;
  if (from && to && from >= to) {
    throw new InputError("'from' must be before 'to'");
  }
  return { kind: query.kind as LedgerEntryKind | undefined, from, to };
}
