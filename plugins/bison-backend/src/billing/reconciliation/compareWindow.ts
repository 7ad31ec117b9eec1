import Big from 'big.js';

/** One priced line of a window: as billed, or as the source answers now. */
export interface ComparedLine {
  namespace: string;
  resource: string;
  quantity: string;
  cost: bigint;
}

export interface BilledLine extends ComparedLine {
  /** Null: unallocated when billed. */
  teamId: string | null;
}

export interface LineDifference {
  namespace: string;
  resource: string;
  billedQuantity: string;
  sourceQuantity: string;
  billedCost: bigint;
  sourceCost: bigint;
}

/** Where one team's usage in a window differs; `teamKey` '' is unallocated. */
export interface TeamDifference {
  teamKey: string;
  billed: bigint;
  source: bigint;
  lines: LineDifference[];
}

const lineKey = (line: { namespace: string; resource: string }) =>
  `${line.namespace}\u0000${line.resource}`;

/** Code-unit order, the same on every machine (no locale). */
function byText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/**
 * Compares what a window billed with the source's answer now, priced with
 * the same price book. A namespace keeps the team it was billed to; one that
 * was not billed goes to its owner during the window (`ownerOf`). Teams whose
 * lines all agree are left out; a difference may be in quantity only (an
 * unpriced resource).
 */
export function compareWindow(
  billed: BilledLine[],
  source: ComparedLine[],
  ownerOf: (namespace: string) => string | undefined,
): TeamDifference[] {
  const billedTeam = new Map<string, string>();
  const pairs = new Map<
    string,
    { billed?: ComparedLine; source?: ComparedLine; teamKey: string }
  >();
  for (const line of billed) {
    billedTeam.set(line.namespace, line.teamId ?? '');
    pairs.set(lineKey(line), { billed: line, teamKey: line.teamId ?? '' });
  }
  for (const line of source) {
    const key = lineKey(line);
    const pair = pairs.get(key);
    if (pair) {
      pair.source = line;
      continue;
    }
    const teamKey =
      billedTeam.get(line.namespace) ?? ownerOf(line.namespace) ?? '';
    pairs.set(key, { source: line, teamKey });
  }

  const teams = new Map<string, TeamDifference>();
  for (const pair of pairs.values()) {
    const billedQuantity = pair.billed?.quantity ?? '0';
    const sourceQuantity = pair.source?.quantity ?? '0';
    const billedCost = pair.billed?.cost ?? 0n;
    const sourceCost = pair.source?.cost ?? 0n;
    if (
      billedCost === sourceCost &&
      new Big(billedQuantity).eq(sourceQuantity)
    ) {
      continue;
    }
    const team = teams.get(pair.teamKey) ?? {
      teamKey: pair.teamKey,
      billed: 0n,
      source: 0n,
      lines: [],
    };
    team.lines.push({
      namespace: (pair.billed ?? pair.source)!.namespace,
      resource: (pair.billed ?? pair.source)!.resource,
      billedQuantity,
      sourceQuantity,
      billedCost,
      sourceCost,
    });
    teams.set(pair.teamKey, team);
  }
  // The team totals are over the whole window, not only the differing lines.
  for (const pair of pairs.values()) {
    const team = teams.get(pair.teamKey);
    if (!team) continue;
    team.billed += pair.billed?.cost ?? 0n;
    team.source += pair.source?.cost ?? 0n;
  }
  for (const team of teams.values()) {
    team.lines.sort((a, b) => byText(lineKey(a), lineKey(b)));
  }
  return [...teams.values()].sort((a, b) => byText(a.teamKey, b.teamKey));
}

/** Windows to check: the latest `recent`, and `sample` spread over the older ones. */
export function windowsToCheck<T>(
  billedNewestFirst: T[],
  recent: number,
  sample: number,
  random: () => number = Math.random,
): T[] {
  const chosen = billedNewestFirst.slice(0, recent);
  const older = billedNewestFirst.slice(recent);
  for (let i = 0; i < sample && older.length > 0; i += 1) {
    const [picked] = older.splice(Math.floor(random() * older.length), 1);
    chosen.push(picked);
  }
  return chosen;
}
