import { useApi } from '@backstage/core-plugin-api';
import { parseMoney } from '@bison/plugin-bison-common';
import { bisonApiRef, BisonCurrency, TeamEnforcement } from '../../api';
import { Money } from '../shared/Money';
import { plural } from '../shared/plural';
import { overdueLevel } from '../wallet/stateExplanation';
import { ReasonDialog } from './ReasonDialog';

/** Whether the balance is below the credit limit, i.e. the team is overdue. */
function belowCreditLimit(enforcement: TeamEnforcement): boolean {
  const amount = (text: string) => parseMoney(text, { allowNegative: true });
  return (
    amount(enforcement.balance) <
    amount(overdueLevel(enforcement.settings.creditLimit))
  );
}

/** Lifts a team's suspension, with a reason. */
export function ResumeDialog(props: {
  open: boolean;
  team: string;
  enforcement: TeamEnforcement;
  currency: BisonCurrency;
  onClose: () => void;
  onDone: (enforcement: TeamEnforcement) => void;
}) {
  const { open, team, enforcement, currency, onClose, onDone } = props;
  const api = useApi(bisonApiRef);
  return (
    <ReasonDialog
      open={open}
      id="bison-resume"
      title={`Resume ${team}`}
      description={
        <>
          <p>This undoes what the suspension changed in the cluster.</p>
          {belowCreditLimit(enforcement) && (
            <p>
              The balance (
              <Money amount={enforcement.balance} currency={currency} />) is
              still below the credit limit: a new grace period of{' '}
              {plural(enforcement.settings.graceHours, 'hour')} starts.
            </p>
          )}
        </>
      }
      submitLabel="Resume"
      onClose={onClose}
      onConfirm={async reason => onDone(await api.resumeTeam(team, { reason }))}
    />
  );
}
