import { Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { createWalletServices } from '../__testUtils__/walletFixture';
import { NamespaceOwnerHistory } from './NamespaceOwnerHistory';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const HOUR = 3_600_000;
const at = (hours: number) =>
  new Date(Date.parse('2026-11-20T00:00:00Z') + hours * HOUR);
const windowAt = (hour: number) => ({ start: at(hour), end: at(hour + 1) });

describe.each(databases.eachSupportedId())(
  'NamespaceOwnerHistory on %p',
  databaseId => {
    let knex: Knex;
    let history: NamespaceOwnerHistory;
    let a: string;
    let b: string;

    beforeEach(async () => {
      knex = await databases.init(databaseId);
      const services = await createWalletServices(knex);
      a = (await services.createTeam('team-a')).id;
      b = (await services.createTeam('team-b')).id;
      history = new NamespaceOwnerHistory(knex);
    });

    afterEach(() => knex.destroy());

    it('answers the owner during a window from first and last sightings', async () => {
      // web: A's until seen B's from 14:00. batch: A's, last seen at 12:00.
      await history.record(
        new Map([
          ['web', a],
          ['batch', a],
        ]),
        at(10),
      );
      await history.record(
        new Map([
          ['web', a],
          ['batch', a],
        ]),
        at(12),
      );
      await history.record(new Map([['web', b]]), at(14));
      await history.record(new Map([['web', b]]), at(15));

      expect(await history.ownersDuring(windowAt(11))).toEqual(
        new Map([
          ['web', a],
          ['batch', a],
        ]),
      );
      expect(await history.ownersDuring(windowAt(14))).toEqual(
        new Map([['web', b]]),
      );
      // Before anything was seen: the first owner.
      expect(await history.ownersDuring(windowAt(8))).toEqual(
        new Map([
          ['web', a],
          ['batch', a],
        ]),
      );
    });

    it('records thousands of namespaces in one call', async () => {
      const many = new Map(
        Array.from({ length: 1_234 }, (_, i) => [`ns-${i}`, i % 2 ? a : b]),
      );
      await history.record(many, at(10));
      await history.record(many, at(11));
      const owners = await history.ownersDuring(windowAt(11));
      expect(owners.size).toBe(1_234);
      expect(owners.get('ns-7')).toBe(a);
    });

    it('forgets owners last seen before a cutoff', async () => {
      await history.record(new Map([['old', a]]), at(1));
      await history.record(new Map([['new', b]]), at(30));
      await history.forgetSeenBefore(at(24));
      expect(await history.ownersDuring(windowAt(0))).toEqual(
        new Map([['new', b]]),
      );
    });
  },
);
