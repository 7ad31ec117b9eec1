import { BisonCurrency, TeamEnforcement } from '../../api';
import { OverdueBanner } from './OverdueBanner';
import { SuspendedBanner } from './SuspendedBanner';

/** The banner of an overdue or suspended team; nothing otherwise. */
export function EnforcementBanner(props: {
  enforcement: TeamEnforcement;
  currency: BisonCurrency;
}) {
  switch (props.enforcement.state) {
    case 'overdue':
      return <OverdueBanner {...props} />;
    case 'suspended':
      return <SuspendedBanner {...props} />;
    default:
      return null;
  }
}
