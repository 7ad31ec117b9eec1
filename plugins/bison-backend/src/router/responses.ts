import { formatMoney } from '@bison/plugin-bison-common';
import * as api from '../schema/openapi/generated/models';
import { BisonSettings } from '../settings/readSettings';
import { Team } from '../tenancy/TeamStore';
import { LedgerEntry, Wallet } from '../wallet/types';

/**
 * Formats micros as an API amount: exact, with at least the currency's
 * minor units ('12.50', '0.004213').
 */
export function moneyFormatter(settings: BisonSettings) {
  return (micros: bigint) =>
    formatMoney(micros, { decimals: settings.currency.minorUnits });
}

/** API shapes of the domain records, as declared in the OpenAPI document. */
export function teamResponse(
  team: Team,
  wallet: Wallet | undefined,
  settings: BisonSettings,
): api.Team {
  return {
    name: team.name,
    groupRef: team.groupRef,
    displayName: team.displayName,
    ...(team.description ? { description: team.description } : {}),
    createdAt: team.createdAt,
    createdBy: team.createdBy,
    ...(wallet
      ? {
          wallet: {
            balance: moneyFormatter(settings)(wallet.balance),
            currency: settings.currency.code,
            state: wallet.state,
          },
        }
      : {}),
  };
}

export function walletResponse(
  team: Team,
  wallet: Wallet,
  settings: BisonSettings,
  creditLimit: bigint,
): api.Wallet {
  const money = moneyFormatter(settings);
  return {
    team: team.name,
    balance: money(wallet.balance),
    currency: settings.currency.code,
    state: wallet.state,
    creditLimit: money(creditLimit),
    lastRecharge: wallet.lastRecharge
      ? {
          amount: money(wallet.lastRecharge.amount),
          at: wallet.lastRecharge.at,
        }
      : null,
    updatedAt: wallet.updatedAt,
  };
}

export function transactionResponse(
  entry: LedgerEntry,
  settings: BisonSettings,
): api.Transaction {
  const money = moneyFormatter(settings);
  return {
    id: entry.id.toString(),
    kind: entry.kind,
    amount: money(entry.amount),
    balanceAfter: money(entry.balanceAfter),
    actor: entry.actor,
    ...(entry.reason ? { reason: entry.reason } : {}),
    ...(entry.window
      ? { windowStart: entry.window.start, windowEnd: entry.window.end }
      : {}),
    createdAt: entry.createdAt,
  };
}
