import { TeamStore } from '../../tenancy/TeamStore';
import { WalletStore } from '../../wallet/WalletStore';
import { ReportReader } from '../ReportReader';
import { assembleTeamReport } from './assembleTeamReport';

/**
 * Reads what the cross-team report needs (the period, the previous period
 * of the same length, the teams and their wallets) and assembles it.
 */
export async function readTeamReport(
  deps: { usage: ReportReader; teams: TeamStore; wallets: WalletStore },
  range: { from: Date; to: Date },
) {
  const length = range.to.getTime() - range.from.getTime();
  const previousRange = {
    from: new Date(range.from.getTime() - length),
    to: range.from,
  };
  const [current, previous] = await Promise.all([
    deps.usage.totals(range),
    deps.usage.costByTeam(previousRange),
  ]);
  const teamIds = [
    ...new Set(
      [...current.map(t => t.teamId), ...previous.keys()].filter(
        (id): id is string => id !== null,
      ),
    ),
  ];
  const [known, wallets] = await Promise.all([
    deps.teams.getTeamsById(teamIds),
    deps.wallets.getWallets(teamIds),
  ]);
  const report = assembleTeamReport({
    current,
    previous,
    teams: new Map(known.map(t => [t.id, t])),
    wallets,
  });
  return { report, previousRange };
}
