import { InfoCard, StructuredMetadataTable } from '@backstage/core-components';
import { Statement } from '../../../api';
import { statementPeriodLabel } from './statementText';

/** Whose statement it is and what it covers, as a statement's letterhead. */
export function StatementAccountCard(props: { statement: Statement }) {
  const { statement } = props;
  const { currency } = statement;
  return (
    <InfoCard title="Account">
      <StructuredMetadataTable
        metadata={{
          Team: `${statement.displayName} (${statement.team})`,
          Group: statement.groupRef,
          Period: statementPeriodLabel(
            statement.periodStart,
            statement.periodEnd,
            statement.timeZone,
          ),
          Currency: currency.symbol
            ? `${currency.code} (${currency.symbol})`
            : currency.code,
          Status: statement.preliminary
            ? 'Preliminary: the month is still running'
            : 'Closed',
        }}
      />
    </InfoCard>
  );
}
